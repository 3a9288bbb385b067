// An independent Matrix client for Chinwag's secret-storage tests: matrix-js-sdk with
// matrix-rust-sdk's crypto (@matrix-org/matrix-sdk-crypto-wasm), signed in as a new device of
// the same person. One command per run; the result is one JSON line on stdout, logs on stderr.
//
//   node ssss_peer.mjs bootstrap <homeserver> <user> <password> [passphrase]
//       cross-signing (if the account has none) and new secret storage with a new key backup;
//       prints {recovery_key, device_id, secrets: {name: value}}
//   node ssss_peer.mjs open <homeserver> <user> <password> <recovery key or passphrase>
//       opens the account's secret storage, imports the cross-signing keys (rust checks them
//       against the published ones) and the backup key; prints what it holds afterwards.
//   node ssss_peer.mjs share <homeserver> <user> <password> <our device id>
//       a new device that asks our device for emoji verification (prints {event: "ready"}, then
//       {event: "sas", emojis}, confirming them), then waits for the secrets our device sends
//       after it (rust's secret gossiping); prints {event: "done", private_keys, backup_key}.
//   node ssss_peer.mjs hold <homeserver> <user> <password>
//       bootstraps cross-signing and secret storage (prints {event: "ready", device_id, secrets}),
//       accepts the first emoji verification asked of it (prints {event: "sas", emojis},
//       confirming them), then keeps syncing — answering secret requests — until killed.
import * as sdk from "matrix-js-sdk";
import { decodeRecoveryKey, deriveRecoveryKeyFromPassphrase } from "matrix-js-sdk/lib/crypto-api/index.js";
import { logger } from "matrix-js-sdk/lib/logger.js";

const NAMES = [
  "m.cross_signing.master",
  "m.cross_signing.self_signing",
  "m.cross_signing.user_signing",
  "m.megolm_backup.v1",
];

logger.setLevel(process.env.PEER_DEBUG ? "debug" : "warn");
const log = (...args) => console.error("[peer]", ...args);

async function signIn(baseUrl, user, password) {
  const login = await sdk.createClient({ baseUrl }).login("m.login.password", {
    identifier: { type: "m.id.user", user },
    password,
    initial_device_display_name: "matrix-js-sdk peer",
  });
  let storageKey = null; // the secret storage key, once known
  const client = sdk.createClient({
    baseUrl,
    userId: login.user_id,
    accessToken: login.access_token,
    deviceId: login.device_id,
    cryptoCallbacks: {
      getSecretStorageKey: async ({ keys }) => {
        const keyId = Object.keys(keys)[0];
        return storageKey === null ? null : [keyId, storageKey];
      },
      cacheSecretStorageKey: (_keyId, _info, key) => {
        storageKey = key;
      },
    },
  });
  await client.initRustCrypto({ useIndexedDB: false });
  const prepared = new Promise((resolve) => {
    client.on(sdk.ClientEvent.Sync, (state) => {
      if (state === "PREPARED" || state === "SYNCING") resolve();
    });
  });
  await client.startClient({ initialSyncLimit: 1 });
  await prepared;
  const setKey = (key) => {
    storageKey = key;
  };
  return { client, login, setKey };
}

// Some of the work bootstrapping starts finishes in the background (enabling the new backup,
// uploading signatures): poll for what the answer reports, for at most 60 s.
async function until(check) {
  const deadline = Date.now() + 60_000;
  let value = await check();
  while (!value && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    value = await check();
  }
  return value;
}

async function secretsOf(client) {
  const out = {};
  for (const name of NAMES) {
    out[name] = (await client.secretStorage.get(name)) ?? null;
  }
  return out;
}

async function bootstrap(baseUrl, user, password, passphrase, { keepRunning = false } = {}) {
  const { client, login, setKey } = await signIn(baseUrl, user, password);
  const crypto = client.getCrypto();
  await crypto.bootstrapCrossSigning({
    authUploadDeviceSigningKeys: async (makeRequest) => {
      await makeRequest({
        type: "m.login.password",
        identifier: { type: "m.id.user", user },
        password,
      });
    },
  });
  const generated = await crypto.createRecoveryKeyFromPassphrase(passphrase || undefined);
  setKey(generated.privateKey);
  await crypto.bootstrapSecretStorage({
    createSecretStorageKey: async () => generated,
    setupNewSecretStorage: true,
    setupNewKeyBackup: true,
  });
  await until(async () => (await crypto.getActiveSessionBackupVersion()) !== null);
  await until(async () => (await client.secretStorage.get("m.megolm_backup.v1")) != null);
  const status = await crypto.getCrossSigningStatus();
  const result = {
    recovery_key: generated.encodedPrivateKey,
    device_id: login.device_id,
    secrets: await secretsOf(client),
    private_keys: status.privateKeysCachedLocally,
    backup_version: await crypto.getActiveSessionBackupVersion(),
  };
  if (keepRunning) return { ...result, client };
  client.stopClient();
  return result;
}

async function open(baseUrl, user, password, text) {
  const { client, login, setKey } = await signIn(baseUrl, user, password);
  const crypto = client.getCrypto();
  const keyId = await client.secretStorage.getDefaultKeyId();
  const info = keyId ? (await client.secretStorage.getKey(keyId))?.[1] : null;
  if (!info) throw new Error("the account has no secret storage");
  let key;
  try {
    key = decodeRecoveryKey(text);
  } catch (error) {
    if (!info.passphrase) throw error;
    key = await deriveRecoveryKeyFromPassphrase(text, info.passphrase.salt, info.passphrase.iterations);
  }
  const matches = await client.secretStorage.checkKey(key, info);
  if (!matches) {
    client.stopClient();
    return { opened: false, device_id: login.device_id };
  }
  setKey(key);
  const before = await crypto.getCrossSigningStatus();
  await crypto.bootstrapCrossSigning({}); // imports the keys from secret storage
  await crypto.loadSessionBackupPrivateKeyFromSecretStorage();
  const status = await crypto.getCrossSigningStatus();
  const backupKey = await crypto.getSessionBackupPrivateKey();
  const verification = await until(async () => {
    const found = await crypto.getDeviceVerificationStatus(login.user_id, login.device_id);
    return found && found.crossSigningVerified ? found : null;
  });
  const result = {
    opened: true,
    device_id: login.device_id,
    secrets: await secretsOf(client),
    private_keys_before: before.privateKeysCachedLocally,
    private_keys: status.privateKeysCachedLocally,
    backup_key: backupKey ? Buffer.from(backupKey).toString("base64").replace(/=+$/, "") : null,
    cross_signed: verification ? verification.crossSigningVerified : false,
  };
  client.stopClient();
  return result;
}

const emit = (value) => process.stdout.write(JSON.stringify(value) + "\n");

async function share(baseUrl, user, password, ourDevice) {
  const { client, login } = await signIn(baseUrl, user, password);
  const crypto = client.getCrypto();
  await crypto.getUserDeviceInfo([login.user_id], true);
  emit({ event: "ready", device_id: login.device_id });
  const request = await crypto.requestDeviceVerification(login.user_id, ourDevice);
  await new Promise((resolve, reject) => {
    const check = () => {
      if (request.phase === sdk.Crypto.VerificationPhase.Ready) resolve();
      if (request.phase === sdk.Crypto.VerificationPhase.Cancelled) reject(new Error("cancelled"));
    };
    request.on(sdk.Crypto.VerificationRequestEvent.Change, check);
    check();
  });
  const verifier = await request.startVerification("m.sas.v1");
  verifier.on(sdk.Crypto.VerifierEvent.ShowSas, (sas) => {
    emit({ event: "sas", emojis: sas.sas.emoji.map(([emoji]) => emoji) });
    sas.confirm();
  });
  await verifier.verify();
  const deadline = Date.now() + 90_000;
  let status = await crypto.getCrossSigningStatus();
  let backupKey = null;
  while (Date.now() < deadline) {
    status = await crypto.getCrossSigningStatus();
    backupKey = await crypto.getSessionBackupPrivateKey();
    const keys = status.privateKeysCachedLocally;
    if (keys.masterKey && keys.selfSigningKey && keys.userSigningKey && backupKey) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const result = {
    event: "done",
    device_id: login.device_id,
    private_keys: status.privateKeysCachedLocally,
    backup_key: backupKey ? Buffer.from(backupKey).toString("base64").replace(/=+$/, "") : null,
  };
  client.stopClient();
  return result;
}

async function hold(baseUrl, user, password) {
  const result = await bootstrap(baseUrl, user, password, "", { keepRunning: true });
  const { client } = result;
  delete result.client;
  const requests = [];
  client.on(sdk.Crypto.CryptoEvent.VerificationRequestReceived, (r) => requests.push(r));
  emit({ event: "ready", ...result });
  // The test writes our device's id on stdin once it exists: wait until rust knows its keys
  // (a request from a device it does not know is dropped).
  const ourDevice = await new Promise((resolve) => {
    let buffer = "";
    process.stdin.on("data", (chunk) => {
      buffer += chunk;
      if (buffer.includes("\n")) resolve(buffer.trim());
    });
  });
  const crypto = client.getCrypto();
  for (let i = 0; i < 240; i++) {
    const devices = await crypto.getUserDeviceInfo([client.getUserId()], true);
    if (devices.get(client.getUserId())?.has(ourDevice)) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  emit({ event: "knows", device_id: ourDevice });
  while (requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
  const request = requests[0];
  emit({ event: "request", phase: request.phase });
  await request.accept();
  emit({ event: "accepted", phase: request.phase });
  request.on(sdk.Crypto.VerificationRequestEvent.Change, () =>
    emit({ event: "phase", phase: request.phase, cancel: request.cancellationCode }),
  );
  const verifier = await new Promise((resolve) => {
    const check = () => {
      if (request.verifier) resolve(request.verifier);
    };
    request.on(sdk.Crypto.VerificationRequestEvent.Change, check);
    check();
  });
  verifier.on(sdk.Crypto.VerifierEvent.ShowSas, (sas) => {
    emit({ event: "sas", emojis: sas.sas.emoji.map(([emoji]) => emoji) });
    sas.confirm();
  });
  await verifier.verify();
  emit({ event: "verified" });
  await new Promise(() => {}); // answer secret requests until the test ends us
}

const [command, ...args] = process.argv.slice(2);
try {
  let result;
  if (command === "bootstrap") result = await bootstrap(...args);
  else if (command === "open") result = await open(...args);
  else if (command === "share") result = await share(...args);
  else if (command === "hold") result = await hold(...args);
  else throw new Error(`unknown command ${command}`);
  process.stdout.write(JSON.stringify(result) + "\n");
  process.exit(0);
} catch (error) {
  log(error && error.stack ? error.stack : String(error));
  process.exit(2);
}
