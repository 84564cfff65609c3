"""A fleet of kiosks kept up to date from one shared folder that Syncthing copies to each of them.

Every machine (the staff PC and each kiosk) has a fleet folder with two Syncthing folders in it:

    FLEET/content/                      the staff PC sends, the kiosks receive
        SUBJECT/VERSION/manifest.json   written last: every file's size and SHA-256
        SUBJECT/VERSION/SUBJECT/…       the subject's files, exactly as published
    FLEET/status/                       each kiosk sends, the staff PC receives
        KIOSK_ID.json, KIOSK_ID.png     what each kiosk shows, its health and its errors

Syncthing only moves files. This package decides the rest, without Qt: `publish` writes a
version, `tracker` is the kiosk's state machine (has a newer version arrived whole? is it
clean? may it be applied now?), `worker` checks and imports a version in a child process,
`status` writes and reads the roll-up, and `syncthing` reads the local daemon's config and asks
its REST API, on loopback only.
"""
