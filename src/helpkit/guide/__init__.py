"""The guided path "What's happening to you?": its structure (data/guide.yml) read and checked, and its pages."""
