"""Tools that prove the kiosk survives what a museum throws at it: bad files, long days, wild hands."""
