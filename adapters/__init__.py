"""One adapter per partner feed: native records in, canonical events (or precise rejections) out."""
