"""Input channels of our own (SMS, WhatsApp, Telegram, web chat) are added here; see bot/credentials.yml."""
