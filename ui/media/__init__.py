"""Audio, video and voice messages: inline players and the voice recorder.

QtMultimedia (PySide6-Addons) is optional and heavy (FFmpeg: ~14 MB resident once a player
exists), so nothing here imports it at module level: it is imported the first time a downloaded
audio or video message is shown or a recording starts. Without it, media stay ordinary
attachments opened in another program.
"""
