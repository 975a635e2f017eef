// Interface facts of the connection commands, imported from redis-server 7.0 by scripts/import-command-specs.ts.
// Prose fields are empty here; faha's own wording is merged in by ./prose.ts.
import type { CommandSpec } from '../types.js';

export const CONNECTION_FACTS: CommandSpec[] = [
  {
    "name": "ping",
    "arity": -1,
    "flags": [
      "fast"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@fast",
      "@connection"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "connection",
    "tips": [
      "request_policy:all_shards",
      "response_policy:all_succeeded"
    ],
    "complexity": "",
    "arguments": [
      {
        "name": "message",
        "type": "string",
        "flags": [
          "optional"
        ]
      }
    ]
  },
  {
    "name": "echo",
    "arity": 2,
    "flags": [
      "loading",
      "stale",
      "fast"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@fast",
      "@connection"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "connection",
    "complexity": "",
    "arguments": [
      {
        "name": "message",
        "type": "string"
      }
    ]
  },
  {
    "name": "quit",
    "arity": -1,
    "flags": [
      "noscript",
      "loading",
      "stale",
      "fast",
      "no_auth",
      "allow_busy"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@fast",
      "@connection"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "connection",
    "complexity": ""
  },
  {
    "name": "select",
    "arity": 2,
    "flags": [
      "loading",
      "stale",
      "fast"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@fast",
      "@connection"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "connection",
    "complexity": "",
    "arguments": [
      {
        "name": "index",
        "type": "integer"
      }
    ]
  },
  {
    "name": "hello",
    "arity": -1,
    "flags": [
      "noscript",
      "loading",
      "stale",
      "fast",
      "no_auth",
      "allow_busy"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@fast",
      "@connection"
    ],
    "summary": "",
    "since": "6.0.0",
    "group": "connection",
    "complexity": "",
    "history": [
      [
        "6.2.0",
        ""
      ]
    ],
    "arguments": [
      {
        "name": "arguments",
        "type": "block",
        "flags": [
          "optional"
        ],
        "arguments": [
          {
            "name": "protover",
            "type": "integer"
          },
          {
            "name": "username_password",
            "type": "block",
            "token": "AUTH",
            "flags": [
              "optional"
            ],
            "arguments": [
              {
                "name": "username",
                "type": "string"
              },
              {
                "name": "password",
                "type": "string"
              }
            ]
          },
          {
            "name": "clientname",
            "type": "string",
            "token": "SETNAME",
            "flags": [
              "optional"
            ]
          }
        ]
      }
    ]
  },
  {
    "name": "auth",
    "arity": -2,
    "flags": [
      "noscript",
      "loading",
      "stale",
      "fast",
      "no_auth",
      "allow_busy"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@fast",
      "@connection"
    ],
    "summary": "",
    "since": "1.0.0",
    "group": "connection",
    "complexity": "",
    "history": [
      [
        "6.0.0",
        ""
      ]
    ],
    "arguments": [
      {
        "name": "username",
        "type": "string",
        "since": "6.0.0",
        "flags": [
          "optional"
        ]
      },
      {
        "name": "password",
        "type": "string"
      }
    ]
  },
  {
    "name": "reset",
    "arity": 1,
    "flags": [
      "noscript",
      "loading",
      "stale",
      "fast",
      "no_auth",
      "allow_busy"
    ],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@fast",
      "@connection"
    ],
    "summary": "",
    "since": "6.2.0",
    "group": "connection",
    "complexity": ""
  },
  {
    "name": "client",
    "arity": -2,
    "flags": [],
    "firstKey": 0,
    "lastKey": 0,
    "step": 0,
    "aclCategories": [
      "@slow"
    ],
    "summary": "",
    "since": "2.4.0",
    "group": "connection",
    "complexity": "",
    "subcommands": [
      {
        "name": "client|caching",
        "arity": 3,
        "flags": [
          "noscript",
          "loading",
          "stale"
        ],
        "firstKey": 0,
        "lastKey": 0,
        "step": 0,
        "aclCategories": [
          "@slow",
          "@connection"
        ],
        "summary": "",
        "since": "6.0.0",
        "group": "connection",
        "complexity": "",
        "arguments": [
          {
            "name": "mode",
            "type": "oneof",
            "arguments": [
              {
                "name": "yes",
                "type": "pure-token",
                "token": "YES"
              },
              {
                "name": "no",
                "type": "pure-token",
                "token": "NO"
              }
            ]
          }
        ]
      },
      {
        "name": "client|getname",
        "arity": 2,
        "flags": [
          "noscript",
          "loading",
          "stale"
        ],
        "firstKey": 0,
        "lastKey": 0,
        "step": 0,
        "aclCategories": [
          "@slow",
          "@connection"
        ],
        "summary": "",
        "since": "2.6.9",
        "group": "connection",
        "complexity": ""
      },
      {
        "name": "client|getredir",
        "arity": 2,
        "flags": [
          "noscript",
          "loading",
          "stale"
        ],
        "firstKey": 0,
        "lastKey": 0,
        "step": 0,
        "aclCategories": [
          "@slow",
          "@connection"
        ],
        "summary": "",
        "since": "6.0.0",
        "group": "connection",
        "complexity": ""
      },
      {
        "name": "client|help",
        "arity": 2,
        "flags": [
          "loading",
          "stale"
        ],
        "firstKey": 0,
        "lastKey": 0,
        "step": 0,
        "aclCategories": [
          "@slow",
          "@connection"
        ],
        "summary": "",
        "since": "5.0.0",
        "group": "connection",
        "complexity": ""
      },
      {
        "name": "client|id",
        "arity": 2,
        "flags": [
          "noscript",
          "loading",
          "stale"
        ],
        "firstKey": 0,
        "lastKey": 0,
        "step": 0,
        "aclCategories": [
          "@slow",
          "@connection"
        ],
        "summary": "",
        "since": "5.0.0",
        "group": "connection",
        "complexity": ""
      },
      {
        "name": "client|info",
        "arity": 2,
        "flags": [
          "noscript",
          "loading",
          "stale"
        ],
        "firstKey": 0,
        "lastKey": 0,
        "step": 0,
        "aclCategories": [
          "@slow",
          "@connection"
        ],
        "summary": "",
        "since": "6.2.0",
        "group": "connection",
        "tips": [
          "nondeterministic_output"
        ],
        "complexity": ""
      },
      {
        "name": "client|kill",
        "arity": -3,
        "flags": [
          "admin",
          "noscript",
          "loading",
          "stale"
        ],
        "firstKey": 0,
        "lastKey": 0,
        "step": 0,
        "aclCategories": [
          "@admin",
          "@slow",
          "@dangerous",
          "@connection"
        ],
        "summary": "",
        "since": "2.4.0",
        "group": "connection",
        "complexity": "",
        "history": [
          [
            "2.8.12",
            ""
          ],
          [
            "2.8.12",
            ""
          ],
          [
            "3.2.0",
            ""
          ],
          [
            "5.0.0",
            ""
          ],
          [
            "6.2.0",
            ""
          ]
        ],
        "arguments": [
          {
            "name": "filter",
            "type": "oneof",
            "arguments": [
              {
                "name": "ip:port",
                "type": "string",
                "deprecatedSince": "2.8.12"
              },
              {
                "name": "new-format",
                "type": "oneof",
                "flags": [
                  "multiple"
                ],
                "arguments": [
                  {
                    "name": "client-id",
                    "type": "integer",
                    "token": "ID",
                    "since": "2.8.12",
                    "flags": [
                      "optional"
                    ]
                  },
                  {
                    "name": "normal_master_slave_pubsub",
                    "type": "oneof",
                    "token": "TYPE",
                    "since": "2.8.12",
                    "flags": [
                      "optional"
                    ],
                    "arguments": [
                      {
                        "name": "normal",
                        "type": "pure-token",
                        "token": "NORMAL"
                      },
                      {
                        "name": "master",
                        "type": "pure-token",
                        "token": "MASTER",
                        "since": "3.2.0"
                      },
                      {
                        "name": "slave",
                        "type": "pure-token",
                        "token": "SLAVE"
                      },
                      {
                        "name": "replica",
                        "type": "pure-token",
                        "token": "REPLICA",
                        "since": "5.0.0"
                      },
                      {
                        "name": "pubsub",
                        "type": "pure-token",
                        "token": "PUBSUB"
                      }
                    ]
                  },
                  {
                    "name": "username",
                    "type": "string",
                    "token": "USER",
                    "flags": [
                      "optional"
                    ]
                  },
                  {
                    "name": "ip:port",
                    "type": "string",
                    "token": "ADDR",
                    "flags": [
                      "optional"
                    ]
                  },
                  {
                    "name": "ip:port",
                    "type": "string",
                    "token": "LADDR",
                    "since": "6.2.0",
                    "flags": [
                      "optional"
                    ]
                  },
                  {
                    "name": "yes/no",
                    "type": "string",
                    "token": "SKIPME",
                    "flags": [
                      "optional"
                    ]
                  }
                ]
              }
            ]
          }
        ]
      },
      {
        "name": "client|list",
        "arity": -2,
        "flags": [
          "admin",
          "noscript",
          "loading",
          "stale"
        ],
        "firstKey": 0,
        "lastKey": 0,
        "step": 0,
        "aclCategories": [
          "@admin",
          "@slow",
          "@dangerous",
          "@connection"
        ],
        "summary": "",
        "since": "2.4.0",
        "group": "connection",
        "tips": [
          "nondeterministic_output"
        ],
        "complexity": "",
        "history": [
          [
            "2.8.12",
            ""
          ],
          [
            "5.0.0",
            ""
          ],
          [
            "6.0.0",
            ""
          ],
          [
            "6.2.0",
            ""
          ],
          [
            "7.0.0",
            ""
          ],
          [
            "7.0.3",
            ""
          ]
        ],
        "arguments": [
          {
            "name": "normal_master_replica_pubsub",
            "type": "oneof",
            "token": "TYPE",
            "since": "5.0.0",
            "flags": [
              "optional"
            ],
            "arguments": [
              {
                "name": "normal",
                "type": "pure-token",
                "token": "NORMAL"
              },
              {
                "name": "master",
                "type": "pure-token",
                "token": "MASTER"
              },
              {
                "name": "replica",
                "type": "pure-token",
                "token": "REPLICA"
              },
              {
                "name": "pubsub",
                "type": "pure-token",
                "token": "PUBSUB"
              }
            ]
          },
          {
            "name": "id",
            "type": "block",
            "token": "ID",
            "since": "6.2.0",
            "flags": [
              "optional"
            ],
            "arguments": [
              {
                "name": "client-id",
                "type": "integer",
                "flags": [
                  "multiple"
                ]
              }
            ]
          }
        ]
      },
      {
        "name": "client|no-evict",
        "arity": 3,
        "flags": [
          "admin",
          "noscript",
          "loading",
          "stale"
        ],
        "firstKey": 0,
        "lastKey": 0,
        "step": 0,
        "aclCategories": [
          "@admin",
          "@slow",
          "@dangerous",
          "@connection"
        ],
        "summary": "",
        "since": "7.0.0",
        "group": "connection",
        "complexity": "",
        "arguments": [
          {
            "name": "enabled",
            "type": "oneof",
            "arguments": [
              {
                "name": "on",
                "type": "pure-token",
                "token": "ON"
              },
              {
                "name": "off",
                "type": "pure-token",
                "token": "OFF"
              }
            ]
          }
        ]
      },
      {
        "name": "client|pause",
        "arity": -3,
        "flags": [
          "admin",
          "noscript",
          "loading",
          "stale"
        ],
        "firstKey": 0,
        "lastKey": 0,
        "step": 0,
        "aclCategories": [
          "@admin",
          "@slow",
          "@dangerous",
          "@connection"
        ],
        "summary": "",
        "since": "2.9.50",
        "group": "connection",
        "complexity": "",
        "history": [
          [
            "6.2.0",
            ""
          ]
        ],
        "arguments": [
          {
            "name": "timeout",
            "type": "integer"
          },
          {
            "name": "mode",
            "type": "oneof",
            "since": "6.2.0",
            "flags": [
              "optional"
            ],
            "arguments": [
              {
                "name": "write",
                "type": "pure-token",
                "token": "WRITE"
              },
              {
                "name": "all",
                "type": "pure-token",
                "token": "ALL"
              }
            ]
          }
        ]
      },
      {
        "name": "client|reply",
        "arity": 3,
        "flags": [
          "noscript",
          "loading",
          "stale"
        ],
        "firstKey": 0,
        "lastKey": 0,
        "step": 0,
        "aclCategories": [
          "@slow",
          "@connection"
        ],
        "summary": "",
        "since": "3.2.0",
        "group": "connection",
        "complexity": "",
        "arguments": [
          {
            "name": "on_off_skip",
            "type": "oneof",
            "arguments": [
              {
                "name": "on",
                "type": "pure-token",
                "token": "ON"
              },
              {
                "name": "off",
                "type": "pure-token",
                "token": "OFF"
              },
              {
                "name": "skip",
                "type": "pure-token",
                "token": "SKIP"
              }
            ]
          }
        ]
      },
      {
        "name": "client|setname",
        "arity": 3,
        "flags": [
          "noscript",
          "loading",
          "stale"
        ],
        "firstKey": 0,
        "lastKey": 0,
        "step": 0,
        "aclCategories": [
          "@slow",
          "@connection"
        ],
        "summary": "",
        "since": "2.6.9",
        "group": "connection",
        "complexity": "",
        "arguments": [
          {
            "name": "connection-name",
            "type": "string"
          }
        ]
      },
      {
        "name": "client|tracking",
        "arity": -3,
        "flags": [
          "noscript",
          "loading",
          "stale"
        ],
        "firstKey": 0,
        "lastKey": 0,
        "step": 0,
        "aclCategories": [
          "@slow",
          "@connection"
        ],
        "summary": "",
        "since": "6.0.0",
        "group": "connection",
        "complexity": "",
        "arguments": [
          {
            "name": "status",
            "type": "oneof",
            "arguments": [
              {
                "name": "on",
                "type": "pure-token",
                "token": "ON"
              },
              {
                "name": "off",
                "type": "pure-token",
                "token": "OFF"
              }
            ]
          },
          {
            "name": "client-id",
            "type": "integer",
            "token": "REDIRECT",
            "flags": [
              "optional"
            ]
          },
          {
            "name": "prefix",
            "type": "string",
            "token": "PREFIX",
            "flags": [
              "optional",
              "multiple",
              "multiple_token"
            ]
          },
          {
            "name": "bcast",
            "type": "pure-token",
            "token": "BCAST",
            "flags": [
              "optional"
            ]
          },
          {
            "name": "optin",
            "type": "pure-token",
            "token": "OPTIN",
            "flags": [
              "optional"
            ]
          },
          {
            "name": "optout",
            "type": "pure-token",
            "token": "OPTOUT",
            "flags": [
              "optional"
            ]
          },
          {
            "name": "noloop",
            "type": "pure-token",
            "token": "NOLOOP",
            "flags": [
              "optional"
            ]
          }
        ]
      },
      {
        "name": "client|trackinginfo",
        "arity": 2,
        "flags": [
          "noscript",
          "loading",
          "stale"
        ],
        "firstKey": 0,
        "lastKey": 0,
        "step": 0,
        "aclCategories": [
          "@slow",
          "@connection"
        ],
        "summary": "",
        "since": "6.2.0",
        "group": "connection",
        "complexity": ""
      },
      {
        "name": "client|unblock",
        "arity": -3,
        "flags": [
          "admin",
          "noscript",
          "loading",
          "stale"
        ],
        "firstKey": 0,
        "lastKey": 0,
        "step": 0,
        "aclCategories": [
          "@admin",
          "@slow",
          "@dangerous",
          "@connection"
        ],
        "summary": "",
        "since": "5.0.0",
        "group": "connection",
        "complexity": "",
        "arguments": [
          {
            "name": "client-id",
            "type": "integer"
          },
          {
            "name": "timeout_error",
            "type": "oneof",
            "flags": [
              "optional"
            ],
            "arguments": [
              {
                "name": "timeout",
                "type": "pure-token",
                "token": "TIMEOUT"
              },
              {
                "name": "error",
                "type": "pure-token",
                "token": "ERROR"
              }
            ]
          }
        ]
      },
      {
        "name": "client|unpause",
        "arity": 2,
        "flags": [
          "admin",
          "noscript",
          "loading",
          "stale"
        ],
        "firstKey": 0,
        "lastKey": 0,
        "step": 0,
        "aclCategories": [
          "@admin",
          "@slow",
          "@dangerous",
          "@connection"
        ],
        "summary": "",
        "since": "6.2.0",
        "group": "connection",
        "complexity": ""
      }
    ]
  }
];
