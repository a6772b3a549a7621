// Passkeys (WebAuthn): the browser's half of the ceremony. The server makes
// the options and checks the answer (webauthn-rs); this script only hands
// them to the browser, in the W3C JSON forms the browser parses and emits
// itself. Elements declare what they do:
//   data-passkey="register"     a <form> with a name field: adds a passkey
//   data-passkey="second-step"  a button: the second step of a sign-in
//   data-passkey="sign-in"      a button: signs in with a passkey alone
//   data-passkey-error="<id>"   the message to show when it fails
//   data-next="<url>"           where a sign-in goes afterwards
// Pages show passkey controls only when <html> has the class `webauthn`.
(() => {
  "use strict";
  const supported =
    typeof PublicKeyCredential !== "undefined" &&
    typeof PublicKeyCredential.parseCreationOptionsFromJSON === "function" &&
    typeof PublicKeyCredential.parseRequestOptionsFromJSON === "function";
  if (!supported) return;
  document.documentElement.classList.add("webauthn");

  const endpoints = {
    register: ["/api/account/security/passkey/options", "/api/account/security/passkey"],
    "second-step": ["/api/auth/second-factor/passkey/options", "/api/auth/second-factor/passkey"],
    "sign-in": ["/api/auth/passkey/options", "/api/auth/passkey"],
  };

  async function post(url, fields) {
    const response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Accept: "application/json",
      },
      body: new URLSearchParams(fields),
    });
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.json();
  }

  async function run(element) {
    const ceremony = element.dataset.passkey;
    const [optionsUrl, answerUrl] = endpoints[ceremony];
    const options = await post(optionsUrl, {});
    const credential =
      ceremony === "register"
        ? await navigator.credentials.create({
            publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options.publicKey),
          })
        : await navigator.credentials.get({
            publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options.publicKey),
          });
    const fields = { response: JSON.stringify(credential.toJSON()) };
    if (ceremony === "register") {
      fields.name = element.elements.name.value;
      await post(answerUrl, fields);
      window.location.assign("/account/security?added=passkey");
      return;
    }
    if (element.dataset.next) fields.next = element.dataset.next;
    window.location.assign(await post(answerUrl, fields));
  }

  function start(element, event) {
    event.preventDefault();
    const error = document.getElementById(element.dataset.passkeyError || "");
    if (error) error.hidden = true;
    element.setAttribute("aria-busy", "true");
    run(element)
      .catch((e) => {
        console.warn("passkey:", e);
        if (error) error.hidden = false;
      })
      .finally(() => element.removeAttribute("aria-busy"));
  }

  document.addEventListener("submit", (event) => {
    const form = event.target.closest("form[data-passkey]");
    if (form) start(form, event);
  });
  document.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-passkey]");
    if (button) start(button, event);
  });
})();
