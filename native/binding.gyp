# faha's native addon (see README.md). One target; each concern is one source file registered by addon.cc.
{
  "targets": [
    {
      "target_name": "faha_native",
      "sources": ["src/addon.cc", "src/long_double.cc", "src/fd_watch.cc", "src/client_io.cc"],
      "dependencies": ["<!(node -p \"require('node-addon-api').targets\"):node_addon_api"],
      "cflags_cc": ["-std=c++17", "-O2", "-Wall", "-Wextra"],
      "defines": ["NAPI_VERSION=8"]
    }
  ]
}
