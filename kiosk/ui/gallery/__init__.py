"""The Images tab's parts: thumbnails decoded off the UI thread, the grid, the zoomable viewer."""
