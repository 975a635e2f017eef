#!/usr/bin/env node
// The faha-server command: runs the compiled server (npm install builds it into dist/).
import '../dist/server/main.js';
