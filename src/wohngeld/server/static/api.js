// Starts Swagger UI from the package's own files; no external requests (no validator badge).
"use strict";
window.addEventListener("load", function () {
  window.SwaggerUIBundle({
    url: "/v1/openapi.json",
    dom_id: "#swagger-ui",
    validatorUrl: null,
    deepLinking: false,
    tryItOutEnabled: true,
  });
});
