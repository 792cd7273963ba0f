//! Whisper and whisperX JSON output.
super::pending_layout!(WhisperJson, "whisper-json", "Whisper / whisperX JSON: {\"text\", \"segments\": [{\"start\", \"end\", \"text\", \"speaker\"?}]}");
