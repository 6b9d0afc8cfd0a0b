// Swagger UI on the sandbox's own spec, with this sandbox as the selected server.
(function () {
  "use strict";

  // The page's origin is the sandbox that served it, whatever port it runs on. It goes first
  // in the server list (Swagger UI selects the first); the served spec itself stays untouched.
  function thisSandboxFirst() {
    return {
      statePlugins: {
        spec: {
          wrapActions: {
            updateJsonSpec: (original) => (json) => {
              const here = window.location.origin;
              const servers = (json.servers || []).filter((s) => s.url.replace(/\/$/, "") !== here);
              const listed = (json.servers || []).find((s) => s.url.replace(/\/$/, "") === here);
              const first = listed || { url: here, description: "This sandbox (it serves this page)" };
              return original(Object.assign({}, json, { servers: [first].concat(servers) }));
            }
          }
        }
      }
    };
  }

  // Swagger UI re-prints JSON through JSON.parse, which turns 1250.50 into 1250.5. The API
  // writes money with its currency's scale, so responses are shown as they came, re-indented.
  function indentJson(text) {
    let out = "";
    let depth = 0;
    let inString = false;
    let escaped = false;
    const newline = () => "\n" + "  ".repeat(depth);
    for (const ch of text) {
      if (inString) {
        out += ch;
        if (escaped) {
          escaped = false;
        } else if (ch === "\\") {
          escaped = true;
        } else if (ch === "\"") {
          inString = false;
        }
      } else if (ch === "\"") {
        inString = true;
        out += ch;
      } else if (ch === "{" || ch === "[") {
        depth++;
        out += ch + newline();
      } else if (ch === "}" || ch === "]") {
        depth--;
        out += newline() + ch;
      } else if (ch === ",") {
        out += ch + newline();
      } else if (ch === ":") {
        out += ": ";
      } else if (!/\s/.test(ch)) {
        out += ch;
      }
    }
    return out.replace(/([{[])\n\s*([}\]])/g, "$1$2");
  }

  function exactJsonBodies(system) {
    return {
      wrapComponents: {
        responseBody: (Original) => (props) => {
          const json = /json/i.test(props.contentType || "") && typeof props.content === "string";
          return system.React.createElement(Original, json
            ? Object.assign({}, props, { contentType: "text/plain", content: indentJson(props.content) })
            : props);
        }
      }
    };
  }

  window.ui = SwaggerUIBundle({
    url: "/openapi.yaml",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    plugins: [thisSandboxFirst, exactJsonBodies],
    layout: "BaseLayout",
    // The public validator badge would call out to the internet; the sandbox works offline.
    validatorUrl: "none"
  });
})();
