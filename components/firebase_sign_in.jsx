/* Sign-in through Firebase Authentication (the Firebase JS SDK from npm, bundled by Reflex):
   "Continue with Google" (a popup: Google's own pages and scripts, so it needs the internet)
   or an existing Firebase account's email and password. Either way the user's Firebase ID
   token goes to the server, which verifies it with firebase-admin. With `emulatorUrl` it
   talks to the Firebase Auth emulator (development and tests; production refuses it). */
import { useState } from "react";
import { getApps, initializeApp } from "firebase/app";
import {
  GoogleAuthProvider,
  connectAuthEmulator,
  getAuth,
  signInWithEmailAndPassword,
  signInWithPopup,
} from "firebase/auth";

const APP_NAME = "autowebiq";
const QUIET = ["auth/popup-closed-by-user", "auth/cancelled-popup-request", "auth/user-cancelled"];
const BUTTON = "rt-reset rt-BaseButton rt-r-size-3 rt-variant-outline rt-Button";
const INPUT = { width: "100%", padding: "8px 10px", borderRadius: "8px", border: "1px solid var(--gray-a7)", font: "inherit" };

function firebaseAuth(config) {
  const app =
    getApps().find((candidate) => candidate.name === APP_NAME) ||
    initializeApp({ apiKey: config.apiKey, authDomain: config.authDomain, projectId: config.projectId }, APP_NAME);
  const auth = getAuth(app);
  if (config.emulatorUrl && !auth.emulatorConfig) {
    connectAuthEmulator(auth, config.emulatorUrl, { disableWarnings: true });
  }
  return auth;
}

export function FirebaseSignIn({ config, onToken, onError }) {
  const [busy, setBusy] = useState(false);
  const [withPassword, setWithPassword] = useState(false);
  if (!config || !config.projectId) return null;

  const run = async (signIn) => {
    setBusy(true);
    try {
      const result = await signIn(firebaseAuth(config));
      const token = await result.user.getIdToken();
      if (onToken) onToken(token);
    } catch (error) {
      const code = (error && error.code) || "";
      if (!QUIET.includes(code) && onError) onError(code || String((error && error.message) || error));
    } finally {
      setBusy(false);
    }
  };
  const google = () => run((auth) => signInWithPopup(auth, new GoogleAuthProvider()));
  const password = (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    run((auth) => signInWithEmailAndPassword(auth, form.elements.email.value.trim(), form.elements.password.value));
  };

  return (
    <div style={{ display: "grid", gap: "8px", width: "100%" }}>
      <button type="button" id="firebase-google" onClick={google} disabled={busy} className={BUTTON} style={{ width: "100%" }}>
        Continue with Google
      </button>
      {withPassword ? (
        <form id="firebase-password-form" onSubmit={password} style={{ display: "grid", gap: "6px" }}>
          <label htmlFor="firebase-email">Firebase account email</label>
          <input id="firebase-email" name="email" type="email" autoComplete="username" required style={INPUT} />
          <label htmlFor="firebase-password">Firebase password</label>
          <input id="firebase-password" name="password" type="password" autoComplete="current-password" required style={INPUT} />
          <button type="submit" id="firebase-password-submit" disabled={busy} className={BUTTON} style={{ width: "100%" }}>
            {busy ? "Signing in…" : "Sign in with Firebase"}
          </button>
        </form>
      ) : (
        <button
          type="button"
          id="firebase-password-open"
          onClick={() => setWithPassword(true)}
          className="rt-reset rt-BaseButton rt-r-size-2 rt-variant-ghost rt-Button"
          style={{ justifySelf: "center" }}
        >
          Use a Firebase account's email and password
        </button>
      )}
    </div>
  );
}
