function entries() {}
