#!/usr/bin/env node
// The faha-check-log command: checks (and with --fix repairs) a faha log; runs the compiled tool (npm install builds it into dist/).
import '../dist/server/tools/check-log-main.js';
