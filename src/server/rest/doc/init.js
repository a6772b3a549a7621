// Starts Swagger UI on the admin API's document. Credentials entered with
// "Authorize" live only as long as the page (persistAuthorization off).
window.ui = SwaggerUIBundle({
  url: "/api/spec.json",
  dom_id: "#swagger-ui",
  layout: "BaseLayout",
  presets: [SwaggerUIBundle.presets.apis],
  deepLinking: true,
  persistAuthorization: false,
  tryItOutEnabled: true,
  // The public validator badge would call out to the internet.
  validatorUrl: null,
});
