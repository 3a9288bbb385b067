<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>Accessibility</name>
    <message>
        <source>Clear {field}</source>
        <translation>{field} leeren</translation>
    </message>
</context>
<context>
    <name>AccessibilityPage</name>
    <message>
        <source>Bob</source>
        <translation>Bob</translation>
    </message>
    <message>
        <source>Lunch at noon?</source>
        <translation>Mittagessen um zwölf?</translation>
    </message>
    <message>
        <source>in reply to Alice, anyone free today?</source>
        <translation>als Antwort auf Alice, hat heute jemand Zeit?</translation>
    </message>
    <message>
        <source>reactions, 👍 2</source>
        <translation>Reaktionen, 👍 2</translation>
    </message>
    <message>
        <source>attachments, menu.pdf</source>
        <translation>Anhänge, speisekarte.pdf</translation>
    </message>
    <message>
        <source>read</source>
        <translation>gelesen</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>bearbeitet</translation>
    </message>
    <message>
        <source>sent from an unverified device</source>
        <translation>von einem nicht verifizierten Gerät gesendet</translation>
    </message>
    <message>
        <source>Screen-&amp;reader mode</source>
        <translation>&amp;Bildschirmleser-Modus</translation>
    </message>
    <message>
        <source>Screen-reader mode</source>
        <translation>Bildschirmleser-Modus</translation>
    </message>
    <message>
        <source>Starts in the conversation list, reads message times only on request (Ctrl+T) and turns animations off.</source>
        <translation>Beginnt in der Unterhaltungsliste, liest Nachrichtenzeiten nur auf Wunsch vor (Strg+T) und schaltet Animationen ab.</translation>
    </message>
    <message>
        <source>Read new messages of the &amp;open conversation</source>
        <translation>Neue Nachrichten der offenen Unterhaltung vor&amp;lesen</translation>
    </message>
    <message>
        <source>Read new messages of the open conversation</source>
        <translation>Neue Nachrichten der offenen Unterhaltung vorlesen</translation>
    </message>
    <message>
        <source>Read aloud in the background</source>
        <translation>Im Hintergrund vorlesen</translation>
    </message>
    <message>
        <source>Read aloud in {account}</source>
        <translation>In {account} vorlesen</translation>
    </message>
    <message>
        <source>Every message</source>
        <translation>Jede Nachricht</translation>
    </message>
    <message>
        <source>Mentions and direct messages</source>
        <translation>Erwähnungen und Direktnachrichten</translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation>Nichts</translation>
    </message>
    <message>
        <source>No accounts yet.</source>
        <translation>Noch keine Konten.</translation>
    </message>
    <message>
        <source>Reading a message</source>
        <translation>Beim Vorlesen einer Nachricht</translation>
    </message>
    <message>
        <source>Parts read, in order</source>
        <translation>Vorgelesene Teile, in Reihenfolge</translation>
    </message>
    <message>
        <source>&amp;Parts read, in order (check to read):</source>
        <translation>Vorgelesene &amp;Teile, in Reihenfolge (zum Vorlesen ankreuzen):</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move the part up</source>
        <translation>Den Teil nach oben schieben</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>Move the part down</source>
        <translation>Den Teil nach unten schieben</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Pre&amp;view:</source>
        <translation>&amp;Vorschau:</translation>
    </message>
    <message>
        <source>{part}, now {position} of {count}</source>
        <translation>{part}, jetzt {position} von {count}</translation>
    </message>
    <message>
        <source>Preview, {text}</source>
        <translation>Vorschau, {text}</translation>
    </message>
</context>
<context>
    <name>AccountActions</name>
    <message>
        <source>Select an account in the sidebar first.</source>
        <translation>Wählen Sie zuerst ein Konto in der Seitenleiste.</translation>
    </message>
    <message>
        <source>Nothing is waiting to be saved any more.</source>
        <translation>Es wartet nichts mehr darauf, gespeichert zu werden.</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <source>Remove the account “{name}”? You will be signed out and its password removed from the keyring.</source>
        <translation>Das Konto „{name}“ entfernen? Sie werden abgemeldet, und sein Passwort wird aus dem Schlüsselbund gelöscht.</translation>
    </message>
    <message>
        <source>Keep its history on this computer?</source>
        <translation>Den Verlauf auf diesem Computer behalten?</translation>
    </message>
    <message>
        <source>Remove, &amp;keep history</source>
        <translation>Entfernen, Verlauf &amp;behalten</translation>
    </message>
    <message>
        <source>Remove and &amp;delete history</source>
        <translation>Entfernen und Verlauf &amp;löschen</translation>
    </message>
    <message>
        <source>Status message</source>
        <translation>Statusnachricht</translation>
    </message>
    <message>
        <source>What should others see?</source>
        <translation>Was sollen andere sehen?</translation>
    </message>
    <message>
        <source>Your recovery key</source>
        <translation>Ihr Wiederherstellungsschlüssel</translation>
    </message>
    <message>
        <source>Secure storage is set up: your passphrase opens it on a new device, here or in other apps such as Element. This recovery key opens it too, should you forget the passphrase: keep it somewhere safe, such as a password manager. It is shown only now.</source>
        <translation>Der sichere Speicher ist eingerichtet: Ihre Passphrase öffnet ihn auf einem neuen Gerät, hier oder in anderen Apps wie Element. Dieser Wiederherstellungsschlüssel öffnet ihn ebenfalls, falls Sie die Passphrase vergessen: Bewahren Sie ihn sicher auf, etwa in einem Passwortmanager. Er wird nur jetzt angezeigt.</translation>
    </message>
    <message>
        <source>Keep this recovery key somewhere safe, such as a password manager. It is shown only now; with it, a new device can read your old encrypted messages and take over your verified identity. It opens this account&apos;s secure storage in other apps too, such as Element.</source>
        <translation>Bewahren Sie diesen Wiederherstellungsschlüssel sicher auf, etwa in einem Passwortmanager. Er wird nur jetzt angezeigt; mit ihm kann ein neues Gerät Ihre alten verschlüsselten Nachrichten lesen und Ihre verifizierte Identität übernehmen. Er öffnet den sicheren Speicher dieses Kontos auch in anderen Apps, etwa in Element.</translation>
    </message>
    <message>
        <source>Recovery key or secure storage passphrase:</source>
        <translation>Wiederherstellungsschlüssel oder Passphrase des sicheren Speichers:</translation>
    </message>
    <message>
        <source>Secure storage opened and keys restored from the backup.</source>
        <translation>Sicherer Speicher geöffnet und Schlüssel aus der Sicherung wiederhergestellt.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Restore from key backup</source>
        <translation>Aus der Schlüsselsicherung wiederherstellen</translation>
    </message>
</context>
<context>
    <name>AccountDetailsPage</name>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Loading services…</source>
        <translation>Dienste werden geladen …</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Dienst:</translation>
    </message>
    <message>
        <source>Account details</source>
        <translation>Kontodaten</translation>
    </message>
    <message>
        <source>Advanced settings</source>
        <translation>Erweiterte Einstellungen</translation>
    </message>
    <message>
        <source>Name in the sidebar</source>
        <translation>Name in der Seitenleiste</translation>
    </message>
    <message>
        <source>Shown in the sidebar (optional)</source>
        <translation>In der Seitenleiste angezeigt (optional)</translation>
    </message>
    <message>
        <source>&amp;Name in the sidebar:</source>
        <translation>&amp;Name in der Seitenleiste:</translation>
    </message>
    <message>
        <source>&amp;Advanced</source>
        <translation>&amp;Erweitert</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Connection test</source>
        <translation>Verbindungstest</translation>
    </message>
    <message>
        <source>&amp;Trust this certificate</source>
        <translation>Diesem Zertifikat &amp;vertrauen</translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation>Diesem Zertifikat vertrauen</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>Edit account</source>
        <translation>Konto bearbeiten</translation>
    </message>
    <message>
        <source>Add an account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Sign in and add the account</source>
        <translation>Anmelden und das Konto hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Create account</source>
        <translation>Konto &amp;erstellen</translation>
    </message>
    <message>
        <source>Create a new account</source>
        <translation>Ein neues Konto erstellen</translation>
    </message>
    <message>
        <source>Makes a new account on the server with this address and password.</source>
        <translation>Legt auf dem Server ein neues Konto mit dieser Adresse und diesem Passwort an.</translation>
    </message>
    <message>
        <source>Save account</source>
        <translation>Konto speichern</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Add &amp;anyway</source>
        <translation>&amp;Trotzdem hinzufügen</translation>
    </message>
    <message>
        <source>Add the account anyway</source>
        <translation>Das Konto trotzdem hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>Back to the account details</source>
        <translation>Zurück zu den Kontodaten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>No services available</source>
        <translation>Keine Dienste verfügbar</translation>
    </message>
    <message>
        <source>No service plugins are installed, so no account can be added.</source>
        <translation>Es sind keine Dienst-Plugins installiert, daher kann kein Konto hinzugefügt werden.</translation>
    </message>
    <message>
        <source>{label} is required.</source>
        <translation>{label} ist erforderlich.</translation>
    </message>
    <message>
        <source>This does not look right; for example:{hint}</source>
        <translation>Das sieht nicht richtig aus; zum Beispiel:{hint}</translation>
    </message>
    <message>
        <source>{label} has the wrong form.</source>
        <translation>{label} hat nicht die richtige Form.</translation>
    </message>
    <message>
        <source>Server: {server}</source>
        <translation>Server: {server}</translation>
    </message>
    <message>
        <source>Continue in your web browser: sign in there (with your second factor, if you have one), then come back here.</source>
        <translation>Fahren Sie in Ihrem Webbrowser fort: Melden Sie sich dort an (mit Ihrem zweiten Faktor, falls Sie einen haben), und kommen Sie dann hierher zurück.</translation>
    </message>
    <message>
        <source>The sign-in did not finish.</source>
        <translation>Die Anmeldung wurde nicht abgeschlossen.</translation>
    </message>
    <message>
        <source>Asking the server for a new account…</source>
        <translation>Der Server wird um ein neues Konto gebeten …</translation>
    </message>
    <message>
        <source>The account could not be made.</source>
        <translation>Das Konto konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Sending your answers…</source>
        <translation>Ihre Antworten werden gesendet …</translation>
    </message>
    <message>
        <source>Send the answers and create the account</source>
        <translation>Die Antworten senden und das Konto erstellen</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>Die Verbindung wird getestet …</translation>
    </message>
    <message>
        <source>The connection could not be tested.</source>
        <translation>Die Verbindung konnte nicht getestet werden.</translation>
    </message>
    <message>
        <source>Connected successfully.</source>
        <translation>Verbindung erfolgreich.</translation>
    </message>
    <message>
        <source>The server refused the sign-in: check the address and the password.</source>
        <translation>Der Server hat die Anmeldung abgelehnt: Prüfen Sie Adresse und Passwort.</translation>
    </message>
    <message>
        <source>The server cannot be reached: check the address, the port and your network. It may also be down for a moment.</source>
        <translation>Der Server ist nicht erreichbar: Prüfen Sie Adresse, Port und Ihr Netzwerk. Vielleicht ist er auch nur kurz nicht verfügbar.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted, so the connection could be intercepted.</source>
        <translation>Dem Zertifikat des Servers wird nicht vertraut, die Verbindung könnte also abgehört werden.</translation>
    </message>
    <message>
        <source>The settings are not usable.</source>
        <translation>Die Einstellungen sind nicht verwendbar.</translation>
    </message>
    <message>
        <source>That did not work.</source>
        <translation>Das hat nicht geklappt.</translation>
    </message>
    <message>
        <source>Its fingerprint (SHA-256) is:
{fp}
Trust it only if it matches the one your server&apos;s administrator gave you.</source>
        <translation>Sein Fingerabdruck (SHA-256) lautet:
{fp}
Vertrauen Sie ihm nur, wenn er mit dem übereinstimmt, den Ihnen die Verwaltung Ihres Servers genannt hat.</translation>
    </message>
    <message>
        <source>Certificate trusted for this account. Test or save again.</source>
        <translation>Zertifikat für dieses Konto als vertrauenswürdig gespeichert. Testen oder speichern Sie erneut.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <source>The account could not be saved.</source>
        <translation>Das Konto konnte nicht gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Activity in every account</source>
        <translation>Aktivität in allen Konten</translation>
    </message>
    <message>
        <source>Mentions, direct messages, invitations and requests</source>
        <translation>Erwähnungen, Direktnachrichten, Einladungen und Anfragen</translation>
    </message>
    <message>
        <source>Newest first. Enter opens one where it happened; Delete marks it read.</source>
        <translation>Neueste zuerst. Eingabe öffnet einen Eintrag dort, wo er geschah; Entf markiert ihn als gelesen.</translation>
    </message>
    <message>
        <source>&amp;Activity</source>
        <translation>&amp;Aktivität</translation>
    </message>
    <message>
        <source>Nothing new. Mentions, direct messages, invitations and contact requests from every account appear here.</source>
        <translation>Nichts Neues. Erwähnungen, Direktnachrichten, Einladungen und Kontaktanfragen aus allen Konten erscheinen hier.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Open the selected activity</source>
        <translation>Die gewählte Aktivität öffnen</translation>
    </message>
    <message>
        <source>Mark &amp;read</source>
        <translation>Als &amp;gelesen markieren</translation>
    </message>
    <message>
        <source>Mark the selected activity read</source>
        <translation>Die gewählte Aktivität als gelesen markieren</translation>
    </message>
    <message>
        <source>Mark a&amp;ll read</source>
        <translation>A&amp;lle als gelesen markieren</translation>
    </message>
    <message>
        <source>Mark all activity read</source>
        <translation>Alle Aktivitäten als gelesen markieren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message numerus="yes">
        <source>Activity (%n)</source>
        <translation>
            <numerusform>Aktivität (%n)</numerusform>
            <numerusform>Aktivität (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ActivityModel</name>
    <message>
        <source>Mention</source>
        <translation>Erwähnung</translation>
    </message>
    <message>
        <source>Direct message</source>
        <translation>Direktnachricht</translation>
    </message>
    <message>
        <source>Invitation</source>
        <translation>Einladung</translation>
    </message>
    <message>
        <source>Contact request</source>
        <translation>Kontaktanfrage</translation>
    </message>
    <message>
        <source>{who} invites you to {room}</source>
        <translation>{who} lädt Sie in {room} ein</translation>
    </message>
    <message>
        <source>{who} wants to add you as a contact</source>
        <translation>{who} möchte Sie als Kontakt hinzufügen</translation>
    </message>
    <message>
        <source>{kind}, {when}, {where}: {what}</source>
        <translation>{kind}, {when}, {where}: {what}</translation>
    </message>
</context>
<context>
    <name>ArchiveActions</name>
    <message>
        <source>Export account history</source>
        <translation>Kontoverlauf exportieren</translation>
    </message>
    <message>
        <source>JSON Lines, can be imported again (*.jsonl);;Web page (*.html)</source>
        <translation>JSON Lines, wieder importierbar (*.jsonl);;Webseite (*.html)</translation>
    </message>
    <message>
        <source>History exported to {path}.</source>
        <translation>Verlauf nach {path} exportiert.</translation>
    </message>
    <message numerus="yes">
        <source>{name} ({service}), kept {when}, %n message(s)</source>
        <translation>
            <numerusform>{name} ({service}), aufbewahrt {when}, %n Nachricht</numerusform>
            <numerusform>{name} ({service}), aufbewahrt {when}, %n Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>Another file (an export)…</source>
        <translation>Eine andere Datei (ein Export) …</translation>
    </message>
    <message>
        <source>Import history</source>
        <translation>Verlauf importieren</translation>
    </message>
    <message>
        <source>History kept from a removed account, or a file:</source>
        <translation>Aufbewahrter Verlauf eines entfernten Kontos oder eine Datei:</translation>
    </message>
    <message>
        <source>Chinwag history (*.jsonl *.sqlite3)</source>
        <translation>Chinwag-Verlauf (*.jsonl *.sqlite3)</translation>
    </message>
    <message>
        <source>History imported as a new, disabled account. Edit it to sign in.</source>
        <translation>Verlauf als neues, deaktiviertes Konto importiert. Bearbeiten Sie es, um sich anzumelden.</translation>
    </message>
    <message>
        <source>Delete old history</source>
        <translation>Alten Verlauf löschen</translation>
    </message>
    <message>
        <source>Delete the messages of “{account}” older than this many days:</source>
        <translation>Die Nachrichten von „{account}“ löschen, die älter sind als so viele Tage:</translation>
    </message>
    <message numerus="yes">
        <source>%n old message(s) of {account} deleted.</source>
        <translation>
            <numerusform>%n alte Nachricht von {account} gelöscht.</numerusform>
            <numerusform>%n alte Nachrichten von {account} gelöscht.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AudioPlayer</name>
    <message>
        <source>voice message</source>
        <translation>Sprachnachricht</translation>
    </message>
    <message>
        <source>audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>Pause {kind}</source>
        <translation>{kind} anhalten</translation>
    </message>
    <message>
        <source>Play {kind}</source>
        <translation>{kind} abspielen</translation>
    </message>
    <message>
        <source>Position in {title}</source>
        <translation>Position in {title}</translation>
    </message>
    <message>
        <source>Cannot play: {reason}</source>
        <translation>Kann nicht abgespielt werden: {reason}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
</context>
<context>
    <name>Background</name>
    <message>
        <source>Chinwag</source>
        <translation>Chinwag</translation>
    </message>
    <message>
        <source>&amp;Hide Chinwag</source>
        <translation>Chinwag &amp;ausblenden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Show Chinwag</source>
        <translation>Chinwag an&amp;zeigen</translation>
    </message>
    <message>
        <source>Chinwag is still running</source>
        <translation>Chinwag läuft weiter</translation>
    </message>
    <message>
        <source>Messages keep arriving while the window is closed. To quit, choose Quit in the menu of Chinwag&apos;s icon in the system tray.</source>
        <translation>Nachrichten kommen weiter an, während das Fenster geschlossen ist. Zum Beenden wählen Sie „Beenden“ im Menü des Chinwag-Symbols im Systembereich der Kontrollleiste.</translation>
    </message>
</context>
<context>
    <name>BlockedDialog</name>
    <message>
        <source>Blocked on {account}</source>
        <translation>Blockiert in {account}</translation>
    </message>
    <message>
        <source>Blocked people</source>
        <translation>Blockierte Personen</translation>
    </message>
    <message>
        <source>&amp;Blocked:</source>
        <translation>&amp;Blockiert:</translation>
    </message>
    <message>
        <source>Address or mask to block</source>
        <translation>Zu blockierende Adresse oder Maske</translation>
    </message>
    <message>
        <source>An address, or on IRC a mask such as *!*@spam.example</source>
        <translation>Eine Adresse oder im IRC eine Maske wie *!*@spam.example</translation>
    </message>
    <message>
        <source>&amp;Address or mask:</source>
        <translation>Adresse oder &amp;Maske:</translation>
    </message>
    <message>
        <source>Bl&amp;ock</source>
        <translation>Bl&amp;ockieren</translation>
    </message>
    <message>
        <source>Block this address or mask</source>
        <translation>Diese Adresse oder Maske blockieren</translation>
    </message>
    <message>
        <source>&amp;Unblock</source>
        <translation>&amp;Freigeben</translation>
    </message>
    <message>
        <source>Unblock the selected person</source>
        <translation>Die gewählte Person freigeben</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Nobody is blocked.</source>
        <translation>Niemand ist blockiert.</translation>
    </message>
    <message>
        <source>Type an address or a mask to block.</source>
        <translation>Geben Sie eine Adresse oder Maske zum Blockieren ein.</translation>
    </message>
    <message>
        <source>Choose someone in the list first.</source>
        <translation>Wählen Sie zuerst jemanden in der Liste.</translation>
    </message>
</context>
<context>
    <name>CommandRunner</name>
    <message>
        <source>That did not work.</source>
        <translation>Das hat nicht geklappt.</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Write a message…</source>
        <translation>Nachricht schreiben …</translation>
    </message>
</context>
<context>
    <name>ComposerArea</name>
    <message>
        <source>Reply or edit</source>
        <translation>Antworten oder bearbeiten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel reply or edit</source>
        <translation>Antwort oder Bearbeitung abbrechen</translation>
    </message>
    <message>
        <source>Who is typing</source>
        <translation>Wer gerade schreibt</translation>
    </message>
    <message>
        <source>Upload progress</source>
        <translation>Fortschritt des Hochladens</translation>
    </message>
    <message>
        <source>A&amp;ttach…</source>
        <translation>A&amp;nhängen …</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Eine Datei anhängen</translation>
    </message>
    <message>
        <source>Emo&amp;ji…</source>
        <translation>Emo&amp;ji …</translation>
    </message>
    <message>
        <source>Insert emoji</source>
        <translation>Emoji einfügen</translation>
    </message>
    <message>
        <source>Insert emoji (Ctrl+;)</source>
        <translation>Emoji einfügen (Strg+;)</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <source>Replying to {quote}</source>
        <translation>Antwort auf {quote}</translation>
    </message>
    <message>
        <source>Editing your message (Escape cancels)</source>
        <translation>Sie bearbeiten Ihre Nachricht (Esc bricht ab)</translation>
    </message>
    <message>
        <source>{name} is typing…</source>
        <translation>{name} schreibt …</translation>
    </message>
    <message>
        <source>{names} are typing…</source>
        <translation>{names} schreiben …</translation>
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation>Mehrere Personen schreiben …</translation>
    </message>
</context>
<context>
    <name>ComposerSpelling</name>
    <message numerus="yes">
        <source>&amp;Spelling: %n suggestion(s) for “{word}”</source>
        <translation>
            <numerusform>&amp;Rechtschreibung: %n Vorschlag für „{word}“</numerusform>
            <numerusform>&amp;Rechtschreibung: %n Vorschläge für „{word}“</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Spelling: no suggestions for “{word}”</source>
        <translation>&amp;Rechtschreibung: keine Vorschläge für „{word}“</translation>
    </message>
    <message>
        <source>Replace “{word}” with “{suggestion}”</source>
        <translation>„{word}“ durch „{suggestion}“ ersetzen</translation>
    </message>
    <message>
        <source>&amp;Add “{word}” to the dictionary</source>
        <translation>„{word}“ zum Wörterbuch &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Ignore “{word}”</source>
        <translation>„{word}“ &amp;ignorieren</translation>
    </message>
    <message>
        <source>S&amp;pelling language</source>
        <translation>Rechtschreib&amp;sprache</translation>
    </message>
    <message>
        <source>Spell check is unavailable: Enchant is not installed.</source>
        <translation>Die Rechtschreibprüfung ist nicht verfügbar: Enchant ist nicht installiert.</translation>
    </message>
    <message>
        <source>Spell check is unavailable: no dictionaries are installed.</source>
        <translation>Die Rechtschreibprüfung ist nicht verfügbar: Es sind keine Wörterbücher installiert.</translation>
    </message>
    <message>
        <source>Spell check is turned off in Settings.</source>
        <translation>Die Rechtschreibprüfung ist in den Einstellungen ausgeschaltet.</translation>
    </message>
    <message>
        <source>&amp;Off</source>
        <translation>&amp;Aus</translation>
    </message>
    <message>
        <source>&amp;Default ({language})</source>
        <translation>Stan&amp;dard ({language})</translation>
    </message>
    <message>
        <source>&amp;Default</source>
        <translation>Stan&amp;dard</translation>
    </message>
</context>
<context>
    <name>ContactDetailsDialog</name>
    <message>
        <source>Address: {address}</source>
        <translation>Adresse: {address}</translation>
    </message>
    <message>
        <source>Name: {name}</source>
        <translation>Name: {name}</translation>
    </message>
    <message>
        <source>Presence: {presence}</source>
        <translation>Anwesenheit: {presence}</translation>
    </message>
    <message>
        <source>Presence: offline</source>
        <translation>Anwesenheit: offline</translation>
    </message>
    <message>
        <source>Away: {message}</source>
        <translation>Abwesend: {message}</translation>
    </message>
    <message>
        <source>Signed in to the account {account}</source>
        <translation>Angemeldet mit dem Konto {account}</translation>
    </message>
    <message>
        <source>Server: {server}</source>
        <translation>Server: {server}</translation>
    </message>
    <message>
        <source>In: {channels}</source>
        <translation>In: {channels}</translation>
    </message>
    <message>
        <source>Connected since {when}</source>
        <translation>Verbunden seit {when}</translation>
    </message>
    <message>
        <source>Connected securely (TLS)</source>
        <translation>Sicher verbunden (TLS)</translation>
    </message>
    <message>
        <source>A network operator</source>
        <translation>Netzwerkbetreiber</translation>
    </message>
    <message>
        <source>Devices:</source>
        <translation>Geräte:</translation>
    </message>
    <message>
        <source>About {who}</source>
        <translation>Über {who}</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Asking the service…</source>
        <translation>Der Dienst wird gefragt …</translation>
    </message>
    <message>
        <source>&amp;Details:</source>
        <translation>&amp;Details:</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the details</source>
        <translation>Die Details kopieren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>The service did not tell: {reason}</source>
        <translation>Der Dienst hat es nicht verraten: {reason}</translation>
    </message>
</context>
<context>
    <name>ContactList</name>
    <message>
        <source>Filter contacts</source>
        <translation>Kontakte filtern</translation>
    </message>
    <message>
        <source>Shows only the people whose name, address or presence contains the text. Escape clears it; Down or Enter goes to the list.</source>
        <translation>Zeigt nur die Personen, deren Name, Adresse oder Anwesenheit den Text enthält. Esc leert das Feld; Pfeil nach unten oder Eingabe springt in die Liste.</translation>
    </message>
    <message>
        <source>Filter contacts…</source>
        <translation>Kontakte filtern …</translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>Filter leeren</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>Each account&apos;s people by group, with their presence. Enter starts a chat; the menu key opens more actions.</source>
        <translation>Die Personen jedes Kontos nach Gruppen, mit ihrer Anwesenheit. Eingabe beginnt einen Chat; die Menütaste öffnet weitere Aktionen.</translation>
    </message>
    <message>
        <source>Ne&amp;w contact…</source>
        <translation>Neuer &amp;Kontakt …</translation>
    </message>
    <message>
        <source>Add a contact</source>
        <translation>Einen Kontakt hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Your contacts</source>
        <translation>&amp;Ihre Kontakte</translation>
    </message>
</context>
<context>
    <name>ContactListModel</name>
    <message>
        <source>blocked</source>
        <translation>blockiert</translation>
    </message>
    <message>
        <source>asked to see their status, waiting for them</source>
        <translation>um ihren Status gebeten, Antwort steht aus</translation>
    </message>
    <message>
        <source>you do not see their status</source>
        <translation>Sie sehen ihren Status nicht</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Blockiert</translation>
    </message>
    <message numerus="yes">
        <source>{group}, %n contact(s)</source>
        <translation>
            <numerusform>{group}, %n Kontakt</numerusform>
            <numerusform>{group}, %n Kontakte</numerusform>
        </translation>
    </message>
    <message>
        <source>{online} online</source>
        <translation>{online} online</translation>
    </message>
    <message numerus="yes">
        <source>{account}, %n contact(s)</source>
        <translation>
            <numerusform>{account}, %n Kontakt</numerusform>
            <numerusform>{account}, %n Kontakte</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConversationActions</name>
    <message>
        <source>Invite</source>
        <translation>Einladen</translation>
    </message>
    <message>
        <source>Address of the person to invite:</source>
        <translation>Adresse der einzuladenden Person:</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>New topic:</source>
        <translation>Neues Thema:</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Verlassen</translation>
    </message>
    <message>
        <source>Leave this conversation?</source>
        <translation>Diese Unterhaltung verlassen?</translation>
    </message>
    <message>
        <source>Remove from room</source>
        <translation>Aus dem Raum entfernen</translation>
    </message>
    <message>
        <source>Remove {name}? Reason (optional):</source>
        <translation>{name} entfernen? Begründung (optional):</translation>
    </message>
    <message>
        <source>Ban from room</source>
        <translation>Aus dem Raum verbannen</translation>
    </message>
    <message>
        <source>Ban {name} (they cannot come back)? Reason (optional):</source>
        <translation>{name} verbannen (kann nicht zurückkommen)? Begründung (optional):</translation>
    </message>
    <message>
        <source>That did not work.</source>
        <translation>Das hat nicht geklappt.</translation>
    </message>
    <message>
        <source>Export conversation</source>
        <translation>Unterhaltung exportieren</translation>
    </message>
    <message>
        <source>Web page (*.html);;JSON Lines (*.jsonl)</source>
        <translation>Webseite (*.html);;JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Conversation exported to {path}.</source>
        <translation>Unterhaltung nach {path} exportiert.</translation>
    </message>
    <message>
        <source>Could not verify.</source>
        <translation>Verifizierung nicht möglich.</translation>
    </message>
</context>
<context>
    <name>ConversationFinder</name>
    <message>
        <source>Start a conversation</source>
        <translation>Eine Unterhaltung beginnen</translation>
    </message>
    <message>
        <source>Address or nick</source>
        <translation>Adresse oder Nick</translation>
    </message>
    <message>
        <source>Join a room</source>
        <translation>Einen Raum betreten</translation>
    </message>
    <message>
        <source>Room address or channel</source>
        <translation>Raumadresse oder Kanal</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>Spitzname</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Add a contact</source>
        <translation>Einen Kontakt hinzufügen</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Contact request sent.</source>
        <translation>Kontaktanfrage gesendet.</translation>
    </message>
</context>
<context>
    <name>ConversationHeader</name>
    <message>
        <source>No conversation open</source>
        <translation>Keine Unterhaltung geöffnet</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>Conversation details</source>
        <translation>Details der Unterhaltung</translation>
    </message>
    <message>
        <source>Service and server</source>
        <translation>Dienst und Server</translation>
    </message>
    <message>
        <source>&amp;Members</source>
        <translation>&amp;Mitglieder</translation>
    </message>
    <message>
        <source>Show members</source>
        <translation>Mitglieder anzeigen</translation>
    </message>
    <message>
        <source>&amp;Invite…</source>
        <translation>&amp;Einladen …</translation>
    </message>
    <message>
        <source>Invite someone</source>
        <translation>Jemanden einladen</translation>
    </message>
    <message>
        <source>Change the topic</source>
        <translation>Das Thema ändern</translation>
    </message>
    <message>
        <source>To&amp;pic…</source>
        <translation>&amp;Thema …</translation>
    </message>
    <message>
        <source>&amp;Leave</source>
        <translation>&amp;Verlassen</translation>
    </message>
    <message>
        <source>Leave this conversation</source>
        <translation>Diese Unterhaltung verlassen</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Mehr</translation>
    </message>
    <message>
        <source>More conversation actions</source>
        <translation>Weitere Aktionen für die Unterhaltung</translation>
    </message>
    <message>
        <source>&amp;Search in this conversation…</source>
        <translation>In dieser Unterhaltung &amp;suchen …</translation>
    </message>
    <message>
        <source>&amp;Export history…</source>
        <translation>Verlauf e&amp;xportieren …</translation>
    </message>
    <message>
        <source>&amp;Verify contact…</source>
        <translation>Kontakt veri&amp;fizieren …</translation>
    </message>
    <message>
        <source>Room se&amp;ttings…</source>
        <translation>Raumeinste&amp;llungen …</translation>
    </message>
    <message>
        <source>Start a &amp;poll…</source>
        <translation>&amp;Umfrage starten …</translation>
    </message>
    <message>
        <source>&amp;Notify me</source>
        <translation>&amp;Benachrichtigen</translation>
    </message>
    <message>
        <source>For every message</source>
        <translation>Bei jeder Nachricht</translation>
    </message>
    <message>
        <source>Only when mentioned</source>
        <translation>Nur bei Erwähnung</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>&amp;Read aloud</source>
        <translation>Vorlese&amp;n</translation>
    </message>
    <message>
        <source>Every message</source>
        <translation>Jede Nachricht</translation>
    </message>
    <message>
        <source>Mentions and direct messages</source>
        <translation>Erwähnungen und Direktnachrichten</translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation>Nichts</translation>
    </message>
    <message>
        <source>Picture of {name}</source>
        <translation>Bild von {name}</translation>
    </message>
    <message>
        <source>On {service}, account {account}</source>
        <translation>Bei {service}, Konto {account}</translation>
    </message>
    <message>
        <source>every message</source>
        <translation>jede Nachricht</translation>
    </message>
    <message>
        <source>mentions and direct messages</source>
        <translation>Erwähnungen und Direktnachrichten</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>Like the account ({level})</source>
        <translation>Wie das Konto ({level})</translation>
    </message>
    <message>
        <source>Encrypted, all devices verified</source>
        <translation>Verschlüsselt, alle Geräte verifiziert</translation>
    </message>
    <message>
        <source>Encrypted, some devices not verified</source>
        <translation>Verschlüsselt, nicht alle Geräte verifiziert</translation>
    </message>
    <message>
        <source>Encrypted</source>
        <translation>Verschlüsselt</translation>
    </message>
    <message>
        <source>Not encrypted</source>
        <translation>Nicht verschlüsselt</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n Mitglied</numerusform>
            <numerusform>%n Mitglieder</numerusform>
        </translation>
    </message>
    <message>
        <source>offline: messages wait in the outbox</source>
        <translation>offline: Nachrichten warten im Postausgang</translation>
    </message>
</context>
<context>
    <name>ConversationPane</name>
    <message>
        <source>Loading older messages…</source>
        <translation>Ältere Nachrichten werden geladen …</translation>
    </message>
    <message>
        <source>Loading older messages</source>
        <translation>Ältere Nachrichten werden geladen</translation>
    </message>
    <message>
        <source>Jump to lat&amp;est</source>
        <translation>Zu den neues&amp;ten springen</translation>
    </message>
    <message>
        <source>Jump to the latest messages</source>
        <translation>Zu den neuesten Nachrichten springen</translation>
    </message>
    <message>
        <source>Voice messages cannot be sent on this service</source>
        <translation>Über diesen Dienst können keine Sprachnachrichten gesendet werden</translation>
    </message>
    <message>
        <source>Uploading {name}{percent}</source>
        <translation>{name} wird hochgeladen{percent}</translation>
    </message>
    <message>
        <source>Usage: {usage}</source>
        <translation>Aufruf: {usage}</translation>
    </message>
    <message>
        <source>Unknown command /{name}. Type /help for the list.</source>
        <translation>Unbekannter Befehl /{name}. Mit /help erhalten Sie die Liste.</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <source>This conversation cannot receive files.</source>
        <translation>Diese Unterhaltung kann keine Dateien empfangen.</translation>
    </message>
    <message>
        <source>That did not work.</source>
        <translation>Das hat nicht geklappt.</translation>
    </message>
</context>
<context>
    <name>ConversationVoice</name>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Message to {conversation}</source>
        <translation>Nachricht an {conversation}</translation>
    </message>
    <message>
        <source>Messages in {conversation}</source>
        <translation>Nachrichten in {conversation}</translation>
    </message>
    <message>
        <source>Sent at {time}</source>
        <translation>Gesendet um {time}</translation>
    </message>
    <message>
        <source>Sent yesterday at {time}</source>
        <translation>Gestern um {time} gesendet</translation>
    </message>
    <message>
        <source>Sent on {day} at {time}</source>
        <translation>Gesendet am {day} um {time}</translation>
    </message>
</context>
<context>
    <name>CoreMessages</name>
    <message>
        <source>This service cannot create rooms.</source>
        <translation>Dieser Dienst kann keine Räume anlegen.</translation>
    </message>
    <message>
        <source>This service cannot rename contacts.</source>
        <translation>Dieser Dienst kann Kontakte nicht umbenennen.</translation>
    </message>
    <message>
        <source>This service has no subscriptions.</source>
        <translation>Dieser Dienst kennt keine Abonnements.</translation>
    </message>
    <message>
        <source>This service cannot download files.</source>
        <translation>Dieser Dienst kann keine Dateien herunterladen.</translation>
    </message>
    <message>
        <source>/me ACTION — describe what you do</source>
        <translation>/me AKTION — beschreiben, was Sie tun</translation>
    </message>
    <message>
        <source>/join ROOM [PASSWORD] — join a room or channel</source>
        <translation>/join RAUM [PASSWORT] — einen Raum oder Kanal betreten</translation>
    </message>
    <message>
        <source>/part [REASON] — leave this room</source>
        <translation>/part [GRUND] — diesen Raum verlassen</translation>
    </message>
    <message>
        <source>/leave [REASON] — leave this room</source>
        <translation>/leave [GRUND] — diesen Raum verlassen</translation>
    </message>
    <message>
        <source>/topic TEXT — change the topic</source>
        <translation>/topic TEXT — das Thema ändern</translation>
    </message>
    <message>
        <source>/invite WHO [REASON] — invite someone here</source>
        <translation>/invite WER [GRUND] — jemanden hierher einladen</translation>
    </message>
    <message>
        <source>/kick WHO [REASON] — remove someone from this room</source>
        <translation>/kick WER [GRUND] — jemanden aus diesem Raum entfernen</translation>
    </message>
    <message>
        <source>/ban WHO [REASON] — keep someone out of this room</source>
        <translation>/ban WER [GRUND] — jemanden aus diesem Raum aussperren</translation>
    </message>
    <message>
        <source>/unban WHO — let someone back into this room</source>
        <translation>/unban WER — jemanden wieder in diesen Raum lassen</translation>
    </message>
    <message>
        <source>/ignore WHO — block someone: you no longer see what they write</source>
        <translation>/ignore WER — jemanden blockieren: Sie sehen nicht mehr, was diese Person schreibt</translation>
    </message>
    <message>
        <source>/unignore WHO — unblock someone</source>
        <translation>/unignore WER — jemanden nicht mehr blockieren</translation>
    </message>
    <message>
        <source>/msg WHO TEXT — send a private message</source>
        <translation>/msg WER TEXT — eine private Nachricht senden</translation>
    </message>
    <message>
        <source>/list [WORDS] — browse the public rooms or channels</source>
        <translation>/list [WÖRTER] — die öffentlichen Räume oder Kanäle durchsuchen</translation>
    </message>
    <message>
        <source>/poll QUESTION | ANSWER | ANSWER … — start a poll</source>
        <translation>/poll FRAGE | ANTWORT | ANTWORT … — eine Umfrage starten</translation>
    </message>
    <message>
        <source>/query WHO — open a private conversation</source>
        <translation>/query WER — eine private Unterhaltung öffnen</translation>
    </message>
    <message>
        <source>/help — list the commands</source>
        <translation>/help — die Befehle auflisten</translation>
    </message>
    <message>
        <source>This account&apos;s service plugin is not available.</source>
        <translation>Das Dienst-Plugin dieses Kontos ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>plugin missing</source>
        <translation>Plugin fehlt</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>Internal error: %1</source>
        <translation>Interner Fehler: %1</translation>
    </message>
    <message>
        <source>Whom do you want to talk to?</source>
        <translation>Mit wem möchten Sie sprechen?</translation>
    </message>
    <message>
        <source>the conversation with %1</source>
        <translation>die Unterhaltung mit %1</translation>
    </message>
    <message>
        <source>the notification level</source>
        <translation>die Benachrichtigungsstufe</translation>
    </message>
    <message>
        <source>the spell-check language</source>
        <translation>die Sprache der Rechtschreibprüfung</translation>
    </message>
    <message>
        <source>That message is no longer stored.</source>
        <translation>Diese Nachricht ist nicht mehr gespeichert.</translation>
    </message>
    <message>
        <source>No server history for this chat.</source>
        <translation>Für diesen Chat gibt es keinen Verlauf auf dem Server.</translation>
    </message>
    <message>
        <source>Cannot send an empty message.</source>
        <translation>Eine leere Nachricht kann nicht gesendet werden.</translation>
    </message>
    <message>
        <source>Could not tell whether your message was saved (%1). If it was, it is sent once the store can be read again: look before sending it again.</source>
        <translation>Es ließ sich nicht feststellen, ob Ihre Nachricht gespeichert wurde (%1). Falls ja, wird sie gesendet, sobald der Speicher wieder gelesen werden kann: Sehen Sie nach, bevor Sie sie erneut senden.</translation>
    </message>
    <message>
        <source>Your message could not be saved (%1), so it was not sent.</source>
        <translation>Ihre Nachricht konnte nicht gespeichert werden (%1) und wurde daher nicht gesendet.</translation>
    </message>
    <message>
        <source>Could not put the message back in the outbox (%1).</source>
        <translation>Die Nachricht konnte nicht wieder in den Postausgang gelegt werden (%1).</translation>
    </message>
    <message>
        <source>This service does not take voice messages.</source>
        <translation>Dieser Dienst nimmt keine Sprachnachrichten an.</translation>
    </message>
    <message>
        <source>No such file.</source>
        <translation>Diese Datei gibt es nicht.</translation>
    </message>
    <message>
        <source>No such attachment.</source>
        <translation>Diesen Anhang gibt es nicht.</translation>
    </message>
    <message>
        <source>Unknown command /%1.</source>
        <translation>Unbekannter Befehl /%1.</translation>
    </message>
    <message>
        <source>No such message.</source>
        <translation>Diese Nachricht gibt es nicht.</translation>
    </message>
    <message>
        <source>The service has not confirmed this message yet.</source>
        <translation>Der Dienst hat diese Nachricht noch nicht bestätigt.</translation>
    </message>
    <message>
        <source>Only your own messages can be changed.</source>
        <translation>Nur Ihre eigenen Nachrichten können geändert werden.</translation>
    </message>
    <message>
        <source>No such account.</source>
        <translation>Dieses Konto gibt es nicht.</translation>
    </message>
    <message>
        <source>No usable plugin for %1 is installed.</source>
        <translation>Für %1 ist kein verwendbares Plugin installiert.</translation>
    </message>
    <message>
        <source>The account is not connected.</source>
        <translation>Das Konto ist nicht verbunden.</translation>
    </message>
    <message>
        <source>The service cannot do that.</source>
        <translation>Das kann der Dienst nicht.</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1 ist erforderlich.</translation>
    </message>
    <message>
        <source>Unknown setting %1.</source>
        <translation>Unbekannte Einstellung %1.</translation>
    </message>
    <message>
        <source>This service has no sign-in in the browser.</source>
        <translation>Dieser Dienst bietet keine Anmeldung im Browser.</translation>
    </message>
    <message>
        <source>The sign-in in the browser took too long.</source>
        <translation>Die Anmeldung im Browser hat zu lange gedauert.</translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>Die Anmeldung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Accounts for this service cannot be made here.</source>
        <translation>Konten für diesen Dienst können hier nicht angelegt werden.</translation>
    </message>
    <message>
        <source>This sign-up has already ended.</source>
        <translation>Diese Registrierung ist bereits beendet.</translation>
    </message>
    <message>
        <source>Signed in again.</source>
        <translation>Wieder angemeldet.</translation>
    </message>
    <message>
        <source>This chat has no threads.</source>
        <translation>Dieser Chat hat keine Threads.</translation>
    </message>
    <message>
        <source>You are already in %1.</source>
        <translation>Sie sind bereits in %1.</translation>
    </message>
    <message>
        <source>%1 already exists and someone else runs it; you joined it.</source>
        <translation>%1 gibt es schon, und jemand anderes betreibt ihn; Sie sind ihm beigetreten.</translation>
    </message>
    <message>
        <source>%1 already exists and someone else runs it.</source>
        <translation>%1 gibt es schon, und jemand anderes betreibt ihn.</translation>
    </message>
    <message>
        <source>You are not in %1.</source>
        <translation>Sie sind nicht in %1.</translation>
    </message>
    <message>
        <source>A channel password has no spaces, commas or colons.</source>
        <translation>Ein Kanalpasswort enthält keine Leerzeichen, Kommas oder Doppelpunkte.</translation>
    </message>
    <message>
        <source>This server has no %1 role.</source>
        <translation>Dieser Server kennt keine Rolle %1.</translation>
    </message>
    <message>
        <source>%1 is not in %2.</source>
        <translation>%1 ist nicht in %2.</translation>
    </message>
    <message>
        <source>%1 is not a nick or a mask.</source>
        <translation>%1 ist weder ein Nick noch eine Maske.</translation>
    </message>
    <message>
        <source>%1 matches everyone: ban a nick or a host.</source>
        <translation>%1 trifft auf alle zu: Verbannen Sie einen Nick oder einen Host.</translation>
    </message>
    <message>
        <source>A server and a nickname are needed.</source>
        <translation>Server und Spitzname werden benötigt.</translation>
    </message>
    <message>
        <source>%1 is not a valid nickname.</source>
        <translation>%1 ist kein gültiger Spitzname.</translation>
    </message>
    <message>
        <source>The port must be a number.</source>
        <translation>Der Port muss eine Zahl sein.</translation>
    </message>
    <message>
        <source>This sign-in method needs a password.</source>
        <translation>Diese Anmeldemethode braucht ein Passwort.</translation>
    </message>
    <message>
        <source>The server did not finish signing us in.</source>
        <translation>Der Server hat die Anmeldung nicht abgeschlossen.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>/%1 is not one of IRC&apos;s own commands (Chinwag carries out its generic ones itself). Use /quote to send a raw IRC line.</source>
        <translation>/%1 ist kein eigener IRC-Befehl (die allgemeinen Befehle führt Chinwag selbst aus). Mit /quote senden Sie eine rohe IRC-Zeile.</translation>
    </message>
    <message>
        <source>That is not a valid IRC line.</source>
        <translation>Das ist keine gültige IRC-Zeile.</translation>
    </message>
    <message>
        <source>/%1 works in a channel: type it there.</source>
        <translation>/%1 wirkt in einem Kanal: Geben Sie es dort ein.</translation>
    </message>
    <message>
        <source>Unknown command /%1. Use /quote to send a raw IRC line.</source>
        <translation>Unbekannter Befehl /%1. Mit /quote senden Sie eine rohe IRC-Zeile.</translation>
    </message>
    <message>
        <source>That is not a nickname.</source>
        <translation>Das ist kein Spitzname.</translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation>Aufruf: %1</translation>
    </message>
    <message>
        <source>%1 was kicked by %2 (%3)</source>
        <translation>%1 wurde von %2 hinausgeworfen (%3)</translation>
    </message>
    <message>
        <source>%1 was kicked by %2</source>
        <translation>%1 wurde von %2 hinausgeworfen</translation>
    </message>
    <message>
        <source>%1 changed the topic to: %2</source>
        <translation>%1 hat das Thema geändert in: %2</translation>
    </message>
    <message>
        <source>That is not a channel name.</source>
        <translation>Das ist kein Kanalname.</translation>
    </message>
    <message>
        <source>A file from %1 was refused: %2.</source>
        <translation>Eine Datei von %1 wurde abgelehnt: %2.</translation>
    </message>
    <message>
        <source>That file offer is no longer open.</source>
        <translation>Dieses Dateiangebot gilt nicht mehr.</translation>
    </message>
    <message>
        <source>This file offer is no longer open (offers last one connection).</source>
        <translation>Dieses Dateiangebot gilt nicht mehr (ein Angebot gilt für eine Verbindung).</translation>
    </message>
    <message>
        <source>Could not reach %1: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>%1 did not connect.</source>
        <translation>%1 hat sich nicht verbunden.</translation>
    </message>
    <message>
        <source>The transfer was cut at %1 of %2 bytes; ask for the file again to resume.</source>
        <translation>Die Übertragung brach bei %1 von %2 Bytes ab; fordern Sie die Datei erneut an, um sie fortzusetzen.</translation>
    </message>
    <message>
        <source>No free port for DCC in the configured range.</source>
        <translation>Kein freier Port für DCC im eingestellten Bereich.</translation>
    </message>
    <message>
        <source>DCC sends a file to one person.</source>
        <translation>DCC sendet eine Datei an eine einzelne Person.</translation>
    </message>
    <message>
        <source>Not sent: the connection closed before the file was taken.</source>
        <translation>Nicht gesendet: Die Verbindung wurde geschlossen, bevor die Datei angenommen wurde.</translation>
    </message>
    <message>
        <source>%1 declined the file.</source>
        <translation>%1 hat die Datei abgelehnt.</translation>
    </message>
    <message>
        <source>Not sent: %1.</source>
        <translation>Nicht gesendet: %1.</translation>
    </message>
    <message>
        <source>Nobody took the file in time.</source>
        <translation>Niemand hat die Datei rechtzeitig angenommen.</translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation>Verbindung nicht möglich: %1</translation>
    </message>
    <message>
        <source>%1 got shorter while it was sent.</source>
        <translation>%1 ist beim Senden kürzer geworden.</translation>
    </message>
    <message>
        <source>The file was sent but its arrival was not confirmed.</source>
        <translation>Die Datei wurde gesendet, ihr Eingang aber nicht bestätigt.</translation>
    </message>
    <message>
        <source>The transfer was cut at %1 of %2 bytes (%3).</source>
        <translation>Die Übertragung brach bei %1 von %2 Bytes ab (%3).</translation>
    </message>
    <message>
        <source>This server keeps no history for us.</source>
        <translation>Dieser Server bewahrt keinen Verlauf für uns auf.</translation>
    </message>
    <message>
        <source>%1 matches everyone: block a nick (bob) or a host (*!*@host) instead.</source>
        <translation>%1 trifft auf alle zu: Blockieren Sie stattdessen einen Nick (bob) oder einen Host (*!*@host).</translation>
    </message>
    <message>
        <source>CTCP %1 reply from %2: %3</source>
        <translation>CTCP-Antwort %1 von %2: %3</translation>
    </message>
    <message>
        <source>IRC cannot send an empty message.</source>
        <translation>Im IRC kann keine leere Nachricht gesendet werden.</translation>
    </message>
    <message>
        <source>The connection was lost.</source>
        <translation>Die Verbindung ist abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <source>Partly sent: %1 of %n line(s) went out before the connection was lost.</source>
        <translation>
            <numerusform>Teilweise gesendet: %1 von %n Zeile ging hinaus, bevor die Verbindung abbrach.</numerusform>
            <numerusform>Teilweise gesendet: %1 von %n Zeilen gingen hinaus, bevor die Verbindung abbrach.</numerusform>
        </translation>
    </message>
    <message>
        <source>That nick is not in your contacts.</source>
        <translation>Dieser Nick ist nicht unter Ihren Kontakten.</translation>
    </message>
    <message>
        <source>The server&apos;s watch list is full.</source>
        <translation>Die Beobachtungsliste des Servers ist voll.</translation>
    </message>
    <message>
        <source>The server did not answer.</source>
        <translation>Der Server hat nicht geantwortet.</translation>
    </message>
    <message>
        <source>This nickname is already registered.</source>
        <translation>Dieser Spitzname ist bereits registriert.</translation>
    </message>
    <message>
        <source>This network does not register accounts here: %1</source>
        <translation>Dieses Netzwerk registriert hier keine Konten: %1</translation>
    </message>
    <message>
        <source>NickServ said: %1</source>
        <translation>NickServ meldet: %1</translation>
    </message>
    <message>
        <source>The network&apos;s NickServ keeps your nickname for you. It asks for an e-mail address (to reset a lost password, and on some networks to confirm the account).</source>
        <translation>Der NickServ des Netzwerks hält Ihren Spitznamen für Sie frei. Er fragt nach einer E-Mail-Adresse (um ein verlorenes Passwort zurückzusetzen und in manchen Netzwerken, um das Konto zu bestätigen).</translation>
    </message>
    <message>
        <source>Choose a password for the account.</source>
        <translation>Wählen Sie ein Passwort für das Konto.</translation>
    </message>
    <message>
        <source>NickServ passwords cannot contain spaces.</source>
        <translation>NickServ-Passwörter dürfen keine Leerzeichen enthalten.</translation>
    </message>
    <message>
        <source>Enter an e-mail address.</source>
        <translation>Geben Sie eine E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <source>NickServ did not answer in time.</source>
        <translation>NickServ hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The server closed the connection.</source>
        <translation>Der Server hat die Verbindung geschlossen.</translation>
    </message>
    <message>
        <source>Someone is using this nickname right now, or the network refuses it.</source>
        <translation>Jemand verwendet diesen Spitznamen gerade, oder das Netzwerk lehnt ihn ab.</translation>
    </message>
    <message>
        <source>This network has no NickServ to register with.</source>
        <translation>Dieses Netzwerk hat keinen NickServ zum Registrieren.</translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation>Die Verbindung wurde geschlossen.</translation>
    </message>
    <message>
        <source>The server stopped answering.</source>
        <translation>Der Server antwortet nicht mehr.</translation>
    </message>
    <message>
        <source>Connection lost: %1</source>
        <translation>Verbindung abgebrochen: %1</translation>
    </message>
    <message>
        <source>Connection lost (internal error).</source>
        <translation>Verbindung abgebrochen (interner Fehler).</translation>
    </message>
    <message>
        <source>Unexpected reply.</source>
        <translation>Unerwartete Antwort.</translation>
    </message>
    <message>
        <source>Disconnected by the server: %1</source>
        <translation>Vom Server getrennt: %1</translation>
    </message>
    <message>
        <source>Error %1</source>
        <comment>an IRC error numeric</comment>
        <translation>Fehler %1</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>irc.libera.chat</source>
        <translation>irc.libera.chat</translation>
    </message>
    <message>
        <source>The host name of the IRC network&apos;s server.</source>
        <translation>Der Hostname des Servers im IRC-Netzwerk.</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>6697 is the usual port for TLS; plain-text servers usually listen on 6667.</source>
        <translation>6697 ist der übliche Port für TLS; unverschlüsselte Server lauschen meist auf 6667.</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>Spitzname</translation>
    </message>
    <message>
        <source>Alternate nicknames</source>
        <translation>Ausweich-Spitznamen</translation>
    </message>
    <message>
        <source>Tried in order when your nickname is taken; separate them with spaces.</source>
        <translation>Der Reihe nach versucht, wenn Ihr Spitzname vergeben ist; durch Leerzeichen trennen.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Your services (NickServ) account password: used for SASL, or for NickServ IDENTIFY where the server offers no SASL.</source>
        <translation>Das Passwort Ihres Dienstekontos (NickServ): für SASL, oder für NickServ IDENTIFY, wo der Server kein SASL anbietet.</translation>
    </message>
    <message>
        <source>Connect without encryption (plain text)</source>
        <translation>Ohne Verschlüsselung verbinden (Klartext)</translation>
    </message>
    <message>
        <source>Only for servers without TLS: anyone on the way can read what you send, passwords included.</source>
        <translation>Nur für Server ohne TLS: Jeder auf dem Weg kann lesen, was Sie senden, auch Passwörter.</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Kontoname</translation>
    </message>
    <message>
        <source>Your services account, when it differs from your nickname.</source>
        <translation>Ihr Dienstekonto, falls es sich von Ihrem Spitznamen unterscheidet.</translation>
    </message>
    <message>
        <source>Sign-in method</source>
        <translation>Anmeldemethode</translation>
    </message>
    <message>
        <source>auto: SASL when the server offers it (EXTERNAL with a client certificate, else PLAIN), NickServ IDENTIFY otherwise.</source>
        <translation>auto: SASL, wenn der Server es anbietet (EXTERNAL mit einem Client-Zertifikat, sonst PLAIN), andernfalls NickServ IDENTIFY.</translation>
    </message>
    <message>
        <source>Server password</source>
        <translation>Serverpasswort</translation>
    </message>
    <message>
        <source>Sent with PASS before signing in (private servers, bouncers).</source>
        <translation>Wird vor der Anmeldung mit PASS gesendet (private Server, Bouncer).</translation>
    </message>
    <message>
        <source>User name (ident)</source>
        <translation>Benutzername (ident)</translation>
    </message>
    <message>
        <source>Real name</source>
        <translation>Echter Name</translation>
    </message>
    <message>
        <source>Trust this CA certificate</source>
        <translation>Diesem CA-Zertifikat vertrauen</translation>
    </message>
    <message>
        <source>A PEM file, for networks whose certificate is signed by their own CA.</source>
        <translation>Eine PEM-Datei, für Netzwerke, deren Zertifikat von einer eigenen CA signiert ist.</translation>
    </message>
    <message>
        <source>Trust this server certificate (SHA-256 fingerprint)</source>
        <translation>Diesem Serverzertifikat vertrauen (SHA-256-Fingerabdruck)</translation>
    </message>
    <message>
        <source>Pins one certificate, e.g. a self-signed one, instead of checking its issuer.</source>
        <translation>Legt genau ein Zertifikat fest, etwa ein selbst signiertes, statt seinen Aussteller zu prüfen.</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <source>A PEM certificate (with its key, or give the key below) for SASL EXTERNAL / CertFP.</source>
        <translation>Ein PEM-Zertifikat (mit seinem Schlüssel, oder geben Sie den Schlüssel unten an) für SASL EXTERNAL / CertFP.</translation>
    </message>
    <message>
        <source>Client certificate key</source>
        <translation>Schlüssel des Client-Zertifikats</translation>
    </message>
    <message>
        <source>Only my contacts may message me privately</source>
        <translation>Nur meine Kontakte dürfen mir privat schreiben</translation>
    </message>
    <message>
        <source>Private messages from anyone else are refused: by the server with user mode +g where it offers it (CALLERID), else dropped here. Channels are not affected.</source>
        <translation>Private Nachrichten von allen anderen werden abgewiesen: vom Server mit dem Benutzermodus +g, wo er ihn anbietet (CALLERID), sonst hier verworfen. Kanäle sind nicht betroffen.</translation>
    </message>
    <message>
        <source>Passive file transfers (behind NAT)</source>
        <translation>Passive Dateiübertragung (hinter NAT)</translation>
    </message>
    <message>
        <source>Ask the other side to listen when you send a file (DCC passive mode): for computers that others cannot connect to.</source>
        <translation>Die Gegenseite lauschen lassen, wenn Sie eine Datei senden (passives DCC): für Computer, zu denen andere keine Verbindung aufbauen können.</translation>
    </message>
    <message>
        <source>Ports for file transfers</source>
        <translation>Ports für Dateiübertragungen</translation>
    </message>
    <message>
        <source>The ports DCC listens on (open them in your firewall); empty: any free port.</source>
        <translation>Die Ports, auf denen DCC lauscht (öffnen Sie sie in Ihrer Firewall); leer: ein beliebiger freier Port.</translation>
    </message>
    <message>
        <source>Largest file to accept (MB)</source>
        <translation>Größte anzunehmende Datei (MB)</translation>
    </message>
    <message>
        <source>Offers of larger files are refused.</source>
        <translation>Angebote größerer Dateien werden abgelehnt.</translation>
    </message>
    <message>
        <source>Join these channels</source>
        <translation>Diese Kanäle betreten</translation>
    </message>
    <message>
        <source>#chinwag #python</source>
        <translation>#chinwag #python</translation>
    </message>
    <message>
        <source>Joined on every connect, besides the channels you were in last time.</source>
        <translation>Bei jeder Verbindung betreten, zusätzlich zu den Kanälen, in denen Sie zuletzt waren.</translation>
    </message>
    <message>
        <source>The port must be a number from 1 to 65535.</source>
        <translation>Der Port muss eine Zahl von 1 bis 65535 sein.</translation>
    </message>
    <message>
        <source>A SHA-256 fingerprint has 32 pairs of hex digits.</source>
        <translation>Ein SHA-256-Fingerabdruck besteht aus 32 Paaren von Hexadezimalziffern.</translation>
    </message>
    <message>
        <source>A port or a range of ports from 1024 to 65535, like 50000-50100.</source>
        <translation>Ein Port oder ein Portbereich von 1024 bis 65535, etwa 50000-50100.</translation>
    </message>
    <message>
        <source>SASL EXTERNAL needs a client certificate.</source>
        <translation>SASL EXTERNAL braucht ein Client-Zertifikat.</translation>
    </message>
    <message>
        <source>This server does not relay reactions.</source>
        <translation>Dieser Server leitet keine Reaktionen weiter.</translation>
    </message>
    <message>
        <source>Cannot use the TLS settings: %1</source>
        <translation>Die TLS-Einstellungen sind nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted (%1).</source>
        <translation>Dem Zertifikat des Servers wird nicht vertraut (%1).</translation>
    </message>
    <message>
        <source>TLS failed: %1</source>
        <translation>TLS fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Connection aborted: %1</source>
        <translation>Verbindung abgebrochen: %1</translation>
    </message>
    <message>
        <source>The server did not start TLS. If this port is for plain-text connections, use the TLS port (usually 6697).</source>
        <translation>Der Server hat kein TLS begonnen. Wenn dieser Port für unverschlüsselte Verbindungen ist, verwenden Sie den TLS-Port (meist 6697).</translation>
    </message>
    <message>
        <source>Cannot find %1: %2</source>
        <translation>%1 nicht gefunden: %2</translation>
    </message>
    <message>
        <source>Cannot reach %1:%2: %3</source>
        <translation>%1:%2 nicht erreichbar: %3</translation>
    </message>
    <message>
        <source>The server&apos;s certificate does not match the one you chose to trust.</source>
        <translation>Das Zertifikat des Servers stimmt nicht mit dem überein, dem Sie vertrauen wollten.</translation>
    </message>
    <message>
        <source>This homeserver does not offer that sign-in.</source>
        <translation>Dieser Homeserver bietet diese Anmeldung nicht an.</translation>
    </message>
    <message>
        <source>No sign-in service is advertised.</source>
        <translation>Es wird kein Anmeldedienst angeboten.</translation>
    </message>
    <message>
        <source>The homeserver does not say who signed in.</source>
        <translation>Der Homeserver sagt nicht, wer sich angemeldet hat.</translation>
    </message>
    <message>
        <source>The address #{alias} is already taken on this server.</source>
        <translation>Die Adresse #{alias} ist auf diesem Server bereits vergeben.</translation>
    </message>
    <message>
        <source>%1: a Matrix ID is @name:server.</source>
        <translation>%1: Eine Matrix-ID hat die Form @name:server.</translation>
    </message>
    <message>
        <source>Encryption is not available in this session.</source>
        <translation>Verschlüsselung ist in dieser Sitzung nicht verfügbar.</translation>
    </message>
    <message>
        <source>#%1 cannot be a room address.</source>
        <translation>#%1 kann keine Raumadresse sein.</translation>
    </message>
    <message>
        <source>The server did not say which room it made.</source>
        <translation>Der Server hat nicht gesagt, welchen Raum er angelegt hat.</translation>
    </message>
    <message>
        <source>A Matrix ID looks like @name:example.org.</source>
        <translation>Eine Matrix-ID sieht so aus: @name:example.org.</translation>
    </message>
    <message>
        <source>Matrix rooms have no %1 role.</source>
        <translation>Matrix-Räume kennen keine Rolle %1.</translation>
    </message>
    <message>
        <source>The room was closed.</source>
        <translation>Der Raum wurde geschlossen.</translation>
    </message>
    <message>
        <source>Not a Matrix media URL.</source>
        <translation>Keine Matrix-Medien-URL.</translation>
    </message>
    <message>
        <source>%1 did not say how to sign in (HTTP %2).</source>
        <translation>%1 hat nicht gesagt, wie man sich anmeldet (HTTP %2).</translation>
    </message>
    <message>
        <source>The sign-in service “%1” cannot be reached right now. Try again later, or sign in another way.</source>
        <translation>Der Anmeldedienst „%1“ ist gerade nicht erreichbar. Versuchen Sie es später noch einmal oder melden Sie sich anders an.</translation>
    </message>
    <message>
        <source>The homeserver&apos;s answer lacks the new session.</source>
        <translation>In der Antwort des Homeservers fehlt die neue Sitzung.</translation>
    </message>
    <message>
        <source>The sign-in service cannot be reached (%1).</source>
        <translation>Der Anmeldedienst ist nicht erreichbar (%1).</translation>
    </message>
    <message>
        <source>The sign-in service did not register the app (%1).</source>
        <translation>Der Anmeldedienst hat die App nicht registriert (%1).</translation>
    </message>
    <message>
        <source>The server&apos;s discovery file is unavailable (HTTP %1).</source>
        <translation>Die Discovery-Datei des Servers ist nicht verfügbar (HTTP %1).</translation>
    </message>
    <message>
        <source>The server&apos;s discovery file could not be read (HTTP %1). Enter the homeserver URL in the advanced settings.</source>
        <translation>Die Discovery-Datei des Servers konnte nicht gelesen werden (HTTP %1). Geben Sie die Homeserver-URL in den erweiterten Einstellungen ein.</translation>
    </message>
    <message>
        <source>The server&apos;s discovery file does not name a valid homeserver. Enter the homeserver URL in the advanced settings.</source>
        <translation>Die Discovery-Datei des Servers nennt keinen gültigen Homeserver. Geben Sie die Homeserver-URL in den erweiterten Einstellungen ein.</translation>
    </message>
    <message>
        <source>%1 is not an https:// address. Matrix sign-in needs HTTPS so your password, access token and messages are not sent in the clear; plain http:// is only used on this computer (localhost) or when “Allow unencrypted HTTP” is switched on.</source>
        <translation>%1 ist keine https://-Adresse. Die Matrix-Anmeldung braucht HTTPS, damit Ihr Passwort, Ihr Zugangstoken und Ihre Nachrichten nicht im Klartext übertragen werden; einfaches http:// wird nur auf diesem Computer (localhost) verwendet oder wenn „Unverschlüsseltes HTTP erlauben“ eingeschaltet ist.</translation>
    </message>
    <message>
        <source>The server asks us to slow down.</source>
        <translation>Der Server bittet uns, langsamer zu machen.</translation>
    </message>
    <message>
        <source>Wrong Matrix ID or password.</source>
        <translation>Falsche Matrix-ID oder falsches Passwort.</translation>
    </message>
    <message>
        <source>This account has been deactivated.</source>
        <translation>Dieses Konto wurde deaktiviert.</translation>
    </message>
    <message>
        <source>The session has ended.</source>
        <translation>Die Sitzung ist beendet.</translation>
    </message>
    <message>
        <source>The server had a problem: %1</source>
        <translation>Der Server hatte ein Problem: %1</translation>
    </message>
    <message>
        <source>The server does not support this.</source>
        <translation>Der Server unterstützt das nicht.</translation>
    </message>
    <message>
        <source>The server asks for another way of confirming than the password to set up cross-signing.</source>
        <translation>Der Server verlangt zum Einrichten der Quersignierung eine andere Bestätigung als das Passwort.</translation>
    </message>
    <message>
        <source>The password is needed to set up cross-signing.</source>
        <translation>Zum Einrichten der Quersignierung wird das Passwort benötigt.</translation>
    </message>
    <message>
        <source>The server did not accept the password for cross-signing.</source>
        <translation>Der Server hat das Passwort für die Quersignierung nicht angenommen.</translation>
    </message>
    <message>
        <source>The encryption identity of %1 changed, so their devices are no longer verified. Verify them again before you trust new messages.</source>
        <translation>Die Verschlüsselungsidentität von %1 hat sich geändert, daher sind die Geräte dieser Person nicht mehr verifiziert. Verifizieren Sie sie erneut, bevor Sie neuen Nachrichten vertrauen.</translation>
    </message>
    <message>
        <source>This device&apos;s keys are not on the server yet.</source>
        <translation>Die Schlüssel dieses Geräts sind noch nicht auf dem Server.</translation>
    </message>
    <message>
        <source>No keys for device %1.</source>
        <translation>Keine Schlüssel für das Gerät %1.</translation>
    </message>
    <message>
        <source>The master key of %1 changed meanwhile.</source>
        <translation>Der Hauptschlüssel von %1 hat sich inzwischen geändert.</translation>
    </message>
    <message>
        <source>The server refused the signature.</source>
        <translation>Der Server hat die Signatur abgelehnt.</translation>
    </message>
    <message>
        <source>This message is end-to-end encrypted; install matrix-nio[e2e] to read it.</source>
        <translation>Diese Nachricht ist Ende-zu-Ende-verschlüsselt; installieren Sie matrix-nio[e2e], um sie zu lesen.</translation>
    </message>
    <message>
        <source>This room is end-to-end encrypted, and encryption support (matrix-nio[e2e]) is not installed.</source>
        <translation>Dieser Raum ist Ende-zu-Ende-verschlüsselt, und die Verschlüsselungsunterstützung (matrix-nio[e2e]) ist nicht installiert.</translation>
    </message>
    <message>
        <source>End-to-end encryption support (matrix-nio[e2e]) is not installed.</source>
        <translation>Die Unterstützung für Ende-zu-Ende-Verschlüsselung (matrix-nio[e2e]) ist nicht installiert.</translation>
    </message>
    <message>
        <source>The server gave no position.</source>
        <translation>Der Server hat keine Position genannt.</translation>
    </message>
    <message>
        <source>The homeserver cannot be reached (%1).</source>
        <translation>Der Homeserver ist nicht erreichbar (%1).</translation>
    </message>
    <message>
        <source>The homeserver&apos;s certificate is not trusted. Check the server, or add its CA certificate in the account&apos;s advanced settings.</source>
        <translation>Dem Zertifikat des Homeservers wird nicht vertraut. Prüfen Sie den Server oder fügen Sie sein CA-Zertifikat in den erweiterten Einstellungen des Kontos hinzu.</translation>
    </message>
    <message>
        <source>The homeserver&apos;s certificate is not the one trusted for this account.</source>
        <translation>Das Zertifikat des Homeservers ist nicht das, dem für dieses Konto vertraut wird.</translation>
    </message>
    <message>
        <source>The file is larger than allowed (%1 bytes; at most %2).</source>
        <translation>Die Datei ist größer als erlaubt (%1 Bytes; höchstens %2).</translation>
    </message>
    <message>
        <source>Enter the recovery key.</source>
        <translation>Geben Sie den Wiederherstellungsschlüssel ein.</translation>
    </message>
    <message>
        <source>This is not a recovery key: it contains “%1”, which a recovery key never has.</source>
        <translation>Das ist kein Wiederherstellungsschlüssel: Er enthält „%1“, was in einem Wiederherstellungsschlüssel nie vorkommt.</translation>
    </message>
    <message>
        <source>This is not a recovery key (wrong length or start).</source>
        <translation>Das ist kein Wiederherstellungsschlüssel (falsche Länge oder falscher Anfang).</translation>
    </message>
    <message>
        <source>The recovery key has a typo: its check character does not match.</source>
        <translation>Der Wiederherstellungsschlüssel enthält einen Tippfehler: Sein Prüfzeichen stimmt nicht.</translation>
    </message>
    <message>
        <source>There is no key backup on the server.</source>
        <translation>Auf dem Server gibt es keine Schlüsselsicherung.</translation>
    </message>
    <message>
        <source>The key backup uses a method Chinwag does not know.</source>
        <translation>Die Schlüsselsicherung verwendet ein Verfahren, das Chinwag nicht kennt.</translation>
    </message>
    <message>
        <source>This recovery key does not belong to the key backup on the server.</source>
        <translation>Dieser Wiederherstellungsschlüssel gehört nicht zur Schlüsselsicherung auf dem Server.</translation>
    </message>
    <message>
        <source>The server&apos;s answer about the key backup was unusable.</source>
        <translation>Die Antwort des Servers zur Schlüsselsicherung war unbrauchbar.</translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation>Die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The file was not sent: its encryption did not finish. Try again.</source>
        <translation>Die Datei wurde nicht gesendet: Ihre Verschlüsselung wurde nicht abgeschlossen. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The encrypted file is damaged: %1</source>
        <translation>Die verschlüsselte Datei ist beschädigt: %1</translation>
    </message>
    <message>
        <source>A room is named #alias:server or by its !id.</source>
        <translation>Ein Raum heißt #alias:server oder wird über seine !id angegeben.</translation>
    </message>
    <message>
        <source>No direct chat.</source>
        <translation>Kein Direktchat.</translation>
    </message>
    <message>
        <source>The message could not be encrypted: %1</source>
        <translation>Die Nachricht konnte nicht verschlüsselt werden: %1</translation>
    </message>
    <message>
        <source>The homeserver&apos;s sign-in service describes itself incompletely (%1 missing or not HTTPS).</source>
        <translation>Der Anmeldedienst des Homeservers beschreibt sich unvollständig (%1 fehlt oder ist nicht HTTPS).</translation>
    </message>
    <message>
        <source>The sign-in service offers no authorization code.</source>
        <translation>Der Anmeldedienst bietet keinen Autorisierungscode an.</translation>
    </message>
    <message>
        <source>The sign-in service refuses authorization codes.</source>
        <translation>Der Anmeldedienst lehnt Autorisierungscodes ab.</translation>
    </message>
    <message>
        <source>The sign-in service does not support PKCE (S256), so it cannot be used safely by a desktop app.</source>
        <translation>Der Anmeldedienst unterstützt kein PKCE (S256) und kann daher von einer Desktop-App nicht sicher genutzt werden.</translation>
    </message>
    <message>
        <source>The sign-in service did not register the app.</source>
        <translation>Der Anmeldedienst hat die App nicht registriert.</translation>
    </message>
    <message>
        <source>The sign-in answer does not belong to this sign-in.</source>
        <translation>Die Antwort der Anmeldung gehört nicht zu dieser Anmeldung.</translation>
    </message>
    <message>
        <source>The sign-in was not finished: %1.</source>
        <translation>Die Anmeldung wurde nicht abgeschlossen: %1.</translation>
    </message>
    <message>
        <source>The sign-in answer carries no code.</source>
        <translation>Die Antwort der Anmeldung enthält keinen Code.</translation>
    </message>
    <message>
        <source>The sign-in is no longer valid: sign in again.</source>
        <translation>Die Anmeldung ist nicht mehr gültig: Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The sign-in service refused the token request (%1).</source>
        <translation>Der Anmeldedienst hat die Token-Anfrage abgelehnt (%1).</translation>
    </message>
    <message>
        <source>The sign-in service sent no usable access token.</source>
        <translation>Der Anmeldedienst hat kein verwendbares Zugangstoken gesendet.</translation>
    </message>
    <message>
        <source>You cannot block yourself.</source>
        <translation>Sie können sich nicht selbst blockieren.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <source>Only web links have previews.</source>
        <translation>Nur Weblinks haben eine Vorschau.</translation>
    </message>
    <message>
        <source>The page has nothing to preview.</source>
        <translation>Die Seite hat nichts für eine Vorschau.</translation>
    </message>
    <message>
        <source>The preview has no image.</source>
        <translation>Die Vorschau hat kein Bild.</translation>
    </message>
    <message>
        <source>This Matrix ID is taken: choose another name.</source>
        <translation>Diese Matrix-ID ist vergeben: Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Too many attempts; try again in a while.</source>
        <translation>Zu viele Versuche; versuchen Sie es etwas später noch einmal.</translation>
    </message>
    <message>
        <source>The homeserver refused the new account: %1.</source>
        <translation>Der Homeserver hat das neue Konto abgelehnt: %1.</translation>
    </message>
    <message>
        <source>Matrix ID</source>
        <translation>Matrix-ID</translation>
    </message>
    <message>
        <source>@alice:example.org</source>
        <translation>@alice:example.org</translation>
    </message>
    <message>
        <source>Your full Matrix ID. The homeserver is found from it.</source>
        <translation>Ihre vollständige Matrix-ID. Aus ihr wird der Homeserver ermittelt.</translation>
    </message>
    <message>
        <source>Homeserver URL</source>
        <translation>Homeserver-URL</translation>
    </message>
    <message>
        <source>https://matrix.example.org</source>
        <translation>https://matrix.example.org</translation>
    </message>
    <message>
        <source>Only if it cannot be discovered from your Matrix ID (.well-known).</source>
        <translation>Nur wenn er sich nicht aus Ihrer Matrix-ID ermitteln lässt (.well-known).</translation>
    </message>
    <message>
        <source>Trusted CA certificate</source>
        <translation>Vertrauenswürdiges CA-Zertifikat</translation>
    </message>
    <message>
        <source>A PEM file to trust in addition to the system&apos;s certificate authorities.</source>
        <translation>Eine PEM-Datei, der zusätzlich zu den Zertifizierungsstellen des Systems vertraut wird.</translation>
    </message>
    <message>
        <source>Trusted certificate fingerprint</source>
        <translation>Fingerabdruck eines vertrauenswürdigen Zertifikats</translation>
    </message>
    <message>
        <source>The SHA-256 fingerprint (AA:BB:…) of a certificate to accept as it is.</source>
        <translation>Der SHA-256-Fingerabdruck (AA:BB:…) eines Zertifikats, das so akzeptiert wird, wie es ist.</translation>
    </message>
    <message>
        <source>Allow unencrypted HTTP</source>
        <translation>Unverschlüsseltes HTTP erlauben</translation>
    </message>
    <message>
        <source>Only for a homeserver you reach safely another way (a VPN, a tunnel). Password, access token and messages would travel without HTTPS.</source>
        <translation>Nur für einen Homeserver, den Sie auf anderem Weg sicher erreichen (ein VPN, ein Tunnel). Passwort, Zugangstoken und Nachrichten würden ohne HTTPS übertragen.</translation>
    </message>
    <message>
        <source>Use sliding sync</source>
        <translation>Sliding Sync verwenden</translation>
    </message>
    <message>
        <source>Where the homeserver has it: the room list arrives in one answer, however many rooms.</source>
        <translation>Wo der Homeserver es anbietet: Die Raumliste kommt in einer Antwort, egal wie viele Räume es sind.</translation>
    </message>
    <message>
        <source>The CA certificate file does not exist.</source>
        <translation>Die CA-Zertifikatsdatei existiert nicht.</translation>
    </message>
    <message>
        <source>The certificate fingerprint is invalid: %1</source>
        <translation>Der Zertifikats-Fingerabdruck ist ungültig: %1</translation>
    </message>
    <message>
        <source>The CA certificate file cannot be used: %1</source>
        <translation>Die CA-Zertifikatsdatei ist nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>%1 does not look like a Matrix homeserver. Enter the homeserver URL in the advanced settings.</source>
        <translation>%1 sieht nicht wie ein Matrix-Homeserver aus. Geben Sie die Homeserver-URL in den erweiterten Einstellungen ein.</translation>
    </message>
    <message>
        <source>No password is saved for this account.</source>
        <translation>Für dieses Konto ist kein Passwort gespeichert.</translation>
    </message>
    <message>
        <source>The homeserver&apos;s sign-in answer is incomplete.</source>
        <translation>Die Anmeldeantwort des Homeservers ist unvollständig.</translation>
    </message>
    <message>
        <source>The encryption store cannot be opened: %1</source>
        <translation>Der Verschlüsselungsspeicher kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>The browser did not come back: the sign-in was not finished in time.</source>
        <translation>Der Browser ist nicht zurückgekehrt: Die Anmeldung wurde nicht rechtzeitig abgeschlossen.</translation>
    </message>
    <message>
        <source>The homeserver sent the browser back without a token.</source>
        <translation>Der Homeserver hat den Browser ohne Token zurückgeschickt.</translation>
    </message>
    <message>
        <source>The server ended this session: sign in again. Your messages and encryption keys on this device are kept.</source>
        <translation>Der Server hat diese Sitzung beendet: Melden Sie sich erneut an. Ihre Nachrichten und Verschlüsselungsschlüssel auf diesem Gerät bleiben erhalten.</translation>
    </message>
    <message>
        <source>The homeserver&apos;s refresh answer lacks the new tokens.</source>
        <translation>In der Erneuerungsantwort des Homeservers fehlen die neuen Token.</translation>
    </message>
    <message>
        <source>The server asks for %1, which Chinwag cannot do. Use the server&apos;s web site for this, then come back.</source>
        <translation>Der Server verlangt %1, was Chinwag nicht kann. Erledigen Sie das auf der Website des Servers und kommen Sie dann zurück.</translation>
    </message>
    <message>
        <source>This server gives accounts only to people with a token from its admins.</source>
        <translation>Dieser Server vergibt Konten nur an Personen mit einem Token seiner Administration.</translation>
    </message>
    <message>
        <source>The server asks for %1 on its web page: it opens in your browser. Come back here when you are done there.</source>
        <translation>Der Server verlangt %1 auf seiner Webseite: Sie öffnet sich in Ihrem Browser. Kommen Sie hierher zurück, wenn Sie dort fertig sind.</translation>
    </message>
    <message>
        <source>Enter the registration token you were given.</source>
        <translation>Geben Sie das Registrierungs-Token ein, das Sie erhalten haben.</translation>
    </message>
    <message>
        <source>The server makes accounts only for people who accept its terms.</source>
        <translation>Der Server legt Konten nur für Personen an, die seine Bedingungen akzeptieren.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Geben Sie Ihr Passwort ein.</translation>
    </message>
    <message>
        <source>The server does not accept this registration token.</source>
        <translation>Der Server akzeptiert dieses Registrierungs-Token nicht.</translation>
    </message>
    <message>
        <source>Wrong password.</source>
        <translation>Falsches Passwort.</translation>
    </message>
    <message>
        <source>The web page was not finished: try again in the browser.</source>
        <translation>Die Webseite wurde nicht abgeschlossen: Versuchen Sie es im Browser erneut.</translation>
    </message>
    <message>
        <source>The server refused this step.</source>
        <translation>Der Server hat diesen Schritt abgelehnt.</translation>
    </message>
    <message>
        <source>The server kept asking for more steps.</source>
        <translation>Der Server hat immer weitere Schritte verlangt.</translation>
    </message>
    <message>
        <source>The confirmation in the browser (%1) was not finished in time.</source>
        <translation>Die Bestätigung im Browser (%1) wurde nicht rechtzeitig abgeschlossen.</translation>
    </message>
    <message>
        <source>No encryption.</source>
        <translation>Keine Verschlüsselung.</translation>
    </message>
    <message>
        <source>%1 has no device %2.</source>
        <translation>%1 hat kein Gerät %2.</translation>
    </message>
    <message>
        <source>%1 has no device to verify.</source>
        <translation>%1 hat kein Gerät, das verifiziert werden könnte.</translation>
    </message>
    <message>
        <source>No such verification.</source>
        <translation>Keine solche Verifizierung.</translation>
    </message>
    <message>
        <source>Not an XMPP avatar reference.</source>
        <translation>Kein XMPP-Avatar-Verweis.</translation>
    </message>
    <message>
        <source>No picture was given: %1.</source>
        <translation>Kein Bild angegeben: %1.</translation>
    </message>
    <message>
        <source>The vCard has no picture.</source>
        <translation>Die vCard enthält kein Bild.</translation>
    </message>
    <message>
        <source>The picture does not match its hash.</source>
        <translation>Das Bild passt nicht zu seinem Hash.</translation>
    </message>
    <message>
        <source>You signed in elsewhere with the same device name.</source>
        <translation>Sie haben sich anderswo mit demselben Gerätenamen angemeldet.</translation>
    </message>
    <message>
        <source>No password is stored for this account.</source>
        <translation>Für dieses Konto ist kein Passwort hinterlegt.</translation>
    </message>
    <message>
        <source>Fetched</source>
        <translation>Abgerufen</translation>
    </message>
    <message>
        <source>This server offers no file upload.</source>
        <translation>Dieser Server bietet kein Hochladen von Dateien an.</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>Die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The file is too large for this server (at most %1 KiB).</source>
        <translation>Die Datei ist zu groß für diesen Server (höchstens %1 KiB).</translation>
    </message>
    <message>
        <source>The upload service sent no address.</source>
        <translation>Der Upload-Dienst hat keine Adresse gesendet.</translation>
    </message>
    <message>
        <source>This server keeps no history.</source>
        <translation>Dieser Server bewahrt keinen Verlauf auf.</translation>
    </message>
    <message>
        <source>Loading older messages</source>
        <translation>Ältere Nachrichten werden geladen</translation>
    </message>
    <message>
        <source>Could not find this point in the history.</source>
        <translation>Diese Stelle im Verlauf wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>You are not in this room.</source>
        <translation>Sie sind nicht in diesem Raum.</translation>
    </message>
    <message>
        <source>%1 is not in the room right now.</source>
        <translation>%1 ist gerade nicht im Raum.</translation>
    </message>
    <message>
        <source>You cannot ban yourself.</source>
        <translation>Sie können sich nicht selbst verbannen.</translation>
    </message>
    <message>
        <source>%1 is not an XMPP address.</source>
        <translation>%1 ist keine XMPP-Adresse.</translation>
    </message>
    <message>
        <source>The room does not show %1&apos;s address, so it cannot be used for that.</source>
        <translation>Der Raum zeigt die Adresse von %1 nicht, daher kann sie dafür nicht verwendet werden.</translation>
    </message>
    <message>
        <source>The upload service gave no https:// address, so the file cannot be shared encrypted.</source>
        <translation>Der Upload-Dienst hat keine https://-Adresse geliefert, daher kann die Datei nicht verschlüsselt geteilt werden.</translation>
    </message>
    <message>
        <source>This is not a valid encrypted file link.</source>
        <translation>Das ist kein gültiger Link zu einer verschlüsselten Datei.</translation>
    </message>
    <message>
        <source>Encryption is still starting.</source>
        <translation>Die Verschlüsselung startet noch.</translation>
    </message>
    <message>
        <source>%1 no longer has a device that can read encrypted messages, so this message was not sent.</source>
        <translation>%1 hat kein Gerät mehr, das verschlüsselte Nachrichten lesen kann, daher wurde diese Nachricht nicht gesendet.</translation>
    </message>
    <message>
        <source>This room no longer allows encryption (it must be members-only and show addresses).</source>
        <translation>Dieser Raum erlaubt keine Verschlüsselung mehr (er muss auf Mitglieder beschränkt sein und Adressen zeigen).</translation>
    </message>
    <message>
        <source>Not every member can read encrypted messages (%1), so this message was not sent.</source>
        <translation>Nicht jedes Mitglied kann verschlüsselte Nachrichten lesen (%1), daher wurde diese Nachricht nicht gesendet.</translation>
    </message>
    <message>
        <source>One of your devices has a new identity key</source>
        <translation>Eines Ihrer Geräte hat einen neuen Identitätsschlüssel</translation>
    </message>
    <message>
        <source>A new device was added to your account</source>
        <translation>Ihrem Konto wurde ein neues Gerät hinzugefügt</translation>
    </message>
    <message>
        <source>A device of %1 has a new identity key</source>
        <translation>Ein Gerät von %1 hat einen neuen Identitätsschlüssel</translation>
    </message>
    <message>
        <source>%1 has a new device</source>
        <translation>%1 hat ein neues Gerät</translation>
    </message>
    <message>
        <source>Messages are encrypted to it; compare the fingerprint in Devices to verify it.</source>
        <translation>Nachrichten werden dafür verschlüsselt; vergleichen Sie den Fingerabdruck unter Geräte, um es zu verifizieren.</translation>
    </message>
    <message>
        <source>Nothing is encrypted to it until you verify or distrust it in Devices.</source>
        <translation>Dafür wird nichts verschlüsselt, bis Sie es unter Geräte verifizieren oder ihm misstrauen.</translation>
    </message>
    <message>
        <source>%1 (fingerprint %2). %3</source>
        <translation>%1 (Fingerabdruck %2). %3</translation>
    </message>
    <message>
        <source>A file that was encrypted for this conversation cannot be sent without encryption.</source>
        <translation>Eine für diese Unterhaltung verschlüsselte Datei kann nicht unverschlüsselt gesendet werden.</translation>
    </message>
    <message>
        <source>%1 has no device this message may be encrypted to (all are distrusted or unreachable), so it was not sent.</source>
        <translation>%1 hat kein Gerät, für das diese Nachricht verschlüsselt werden darf (allen wird misstraut oder keines ist erreichbar), daher wurde sie nicht gesendet.</translation>
    </message>
    <message>
        <source>%1 has a new device you have not decided about. Verify or distrust it in Devices, then send again.</source>
        <translation>%1 hat ein neues Gerät, über das Sie noch nicht entschieden haben. Verifizieren Sie es oder misstrauen Sie ihm unter Geräte, und senden Sie dann erneut.</translation>
    </message>
    <message>
        <source>There is no device to encrypt this message to.</source>
        <translation>Es gibt kein Gerät, für das diese Nachricht verschlüsselt werden kann.</translation>
    </message>
    <message>
        <source>This device is always trusted.</source>
        <translation>Diesem Gerät wird immer vertraut.</translation>
    </message>
    <message>
        <source>No such device.</source>
        <translation>Kein solches Gerät.</translation>
    </message>
    <message>
        <source>No broken encryption session is known here.</source>
        <translation>Keine defekte Verschlüsselungssitzung bekannt.</translation>
    </message>
    <message>
        <source>Encryption is not available right now.</source>
        <translation>Verschlüsselung ist gerade nicht verfügbar.</translation>
    </message>
    <message>
        <source>This server does not let new accounts be made from an app.</source>
        <translation>Dieser Server erlaubt nicht, neue Konten aus einer App heraus anzulegen.</translation>
    </message>
    <message>
        <source>This server cannot make accounts.</source>
        <translation>Dieser Server kann keine Konten anlegen.</translation>
    </message>
    <message>
        <source>This username is taken: choose another one.</source>
        <translation>Dieser Benutzername ist vergeben: Wählen Sie einen anderen.</translation>
    </message>
    <message>
        <source>The server will not make more accounts right now; try again later.</source>
        <translation>Der Server legt gerade keine weiteren Konten an; versuchen Sie es später noch einmal.</translation>
    </message>
    <message>
        <source>The server did not accept these answers.</source>
        <translation>Der Server hat diese Antworten nicht akzeptiert.</translation>
    </message>
    <message>
        <source>Cannot reach the server.</source>
        <translation>Der Server ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>No registration form is waiting for answers.</source>
        <translation>Kein Registrierungsformular wartet auf Antworten.</translation>
    </message>
    <message>
        <source>No XMPP server was found for %1.</source>
        <translation>Für %1 wurde kein XMPP-Server gefunden.</translation>
    </message>
    <message>
        <source>Cannot reach the server (%1).</source>
        <translation>Der Server ist nicht erreichbar (%1).</translation>
    </message>
    <message>
        <source>The server does not offer an encrypted connection.</source>
        <translation>Der Server bietet keine verschlüsselte Verbindung an.</translation>
    </message>
    <message>
        <source>The server sent no form.</source>
        <translation>Der Server hat kein Formular gesendet.</translation>
    </message>
    <message>
        <source>This room needs a password (or the password is wrong).</source>
        <translation>Dieser Raum braucht ein Passwort (oder das Passwort ist falsch).</translation>
    </message>
    <message>
        <source>Only members may join this room.</source>
        <translation>Nur Mitglieder dürfen diesen Raum betreten.</translation>
    </message>
    <message>
        <source>You are banned from this room.</source>
        <translation>Sie sind aus diesem Raum verbannt.</translation>
    </message>
    <message>
        <source>This room does not exist or is locked.</source>
        <translation>Dieser Raum existiert nicht oder ist gesperrt.</translation>
    </message>
    <message>
        <source>This room is full.</source>
        <translation>Dieser Raum ist voll.</translation>
    </message>
    <message>
        <source>This server does not let you create rooms.</source>
        <translation>Dieser Server lässt Sie keine Räume anlegen.</translation>
    </message>
    <message>
        <source>A nickname is required.</source>
        <translation>Ein Spitzname ist erforderlich.</translation>
    </message>
    <message>
        <source>This nickname is not allowed here.</source>
        <translation>Dieser Spitzname ist hier nicht erlaubt.</translation>
    </message>
    <message>
        <source>This nickname is already used in the room.</source>
        <translation>Dieser Spitzname wird im Raum bereits verwendet.</translation>
    </message>
    <message>
        <source>You were banned from the room.</source>
        <translation>Sie wurden aus dem Raum verbannt.</translation>
    </message>
    <message>
        <source>You were kicked from the room.</source>
        <translation>Sie wurden aus dem Raum geworfen.</translation>
    </message>
    <message>
        <source>Your membership was removed.</source>
        <translation>Ihre Mitgliedschaft wurde entfernt.</translation>
    </message>
    <message>
        <source>The room became members-only.</source>
        <translation>Der Raum ist jetzt nur für Mitglieder.</translation>
    </message>
    <message>
        <source>The room service is shutting down.</source>
        <translation>Der Raumdienst wird heruntergefahren.</translation>
    </message>
    <message>
        <source>%1 is not a room address.</source>
        <translation>%1 ist keine Raumadresse.</translation>
    </message>
    <message>
        <source>Could not join the room.</source>
        <translation>Der Raum konnte nicht betreten werden.</translation>
    </message>
    <message>
        <source>You left the room.</source>
        <translation>Sie haben den Raum verlassen.</translation>
    </message>
    <message>
        <source>This server has no group chat service.</source>
        <translation>Dieser Server hat keinen Gruppenchat-Dienst.</translation>
    </message>
    <message>
        <source>%1 cannot be a room address.</source>
        <translation>%1 kann keine Raumadresse sein.</translation>
    </message>
    <message>
        <source>You are already in this room.</source>
        <translation>Sie sind bereits in diesem Raum.</translation>
    </message>
    <message>
        <source>Could not create the room.</source>
        <translation>Der Raum konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>A room with the address %1 already exists.</source>
        <translation>Ein Raum mit der Adresse %1 existiert bereits.</translation>
    </message>
    <message>
        <source>This server offers no group chat service.</source>
        <translation>Dieser Server bietet keinen Gruppenchat-Dienst an.</translation>
    </message>
    <message>
        <source>The room did not answer.</source>
        <translation>Der Raum hat nicht geantwortet.</translation>
    </message>
    <message>
        <source>This server cannot block contacts.</source>
        <translation>Dieser Server kann keine Kontakte blockieren.</translation>
    </message>
    <message>
        <source>%1 is not an XMPP address to block.</source>
        <translation>%1 ist keine XMPP-Adresse, die blockiert werden kann.</translation>
    </message>
    <message>
        <source>Disconnect the account to appear offline.</source>
        <translation>Trennen Sie das Konto, um offline zu erscheinen.</translation>
    </message>
    <message>
        <source>%1: the server did not answer.</source>
        <translation>%1: Der Server hat nicht geantwortet.</translation>
    </message>
    <message>
        <source>XMPP address</source>
        <translation>XMPP-Adresse</translation>
    </message>
    <message>
        <source>you@example.org</source>
        <translation>name@example.org</translation>
    </message>
    <message>
        <source>Your address on the server, like an e-mail address.</source>
        <translation>Ihre Adresse auf dem Server, ähnlich einer E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>Device name (resource)</source>
        <translation>Gerätename (Ressource)</translation>
    </message>
    <message>
        <source>Tells your devices apart; a short random tag is added so two never collide.</source>
        <translation>Unterscheidet Ihre Geräte; ein kurzes zufälliges Kürzel wird angehängt, damit sich zwei nie in die Quere kommen.</translation>
    </message>
    <message>
        <source>Server host</source>
        <translation>Server-Host</translation>
    </message>
    <message>
        <source>Only if the server cannot be found from your address (DNS SRV).</source>
        <translation>Nur wenn der Server nicht über Ihre Adresse gefunden werden kann (DNS SRV).</translation>
    </message>
    <message>
        <source>Used with Server host.</source>
        <translation>Zusammen mit Server-Host verwendet.</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Verschlüsselung</translation>
    </message>
    <message>
        <source>auto: as the server announces; starttls or direct TLS for a given host and port.</source>
        <translation>auto: wie vom Server angekündigt; starttls oder direktes TLS für einen festen Host und Port.</translation>
    </message>
    <message>
        <source>Trusted CA certificate file</source>
        <translation>Datei des vertrauenswürdigen CA-Zertifikats</translation>
    </message>
    <message>
        <source>A PEM file with the certificate authority of a self-hosted server.</source>
        <translation>Eine PEM-Datei mit der Zertifizierungsstelle eines selbst betriebenen Servers.</translation>
    </message>
    <message>
        <source>Pinned certificate fingerprint (SHA-256)</source>
        <translation>Festgelegter Zertifikats-Fingerabdruck (SHA-256)</translation>
    </message>
    <message>
        <source>AA:BB:…</source>
        <translation>AA:BB:…</translation>
    </message>
    <message>
        <source>Trust exactly this server certificate, even if no authority vouches for it.</source>
        <translation>Genau diesem Serverzertifikat vertrauen, auch wenn keine Zertifizierungsstelle dafür bürgt.</translation>
    </message>
    <message>
        <source>A PEM certificate (with its key, or give the key below) naming your address: signs in with it (SASL EXTERNAL) instead of the password.</source>
        <translation>Ein PEM-Zertifikat (mit seinem Schlüssel, oder geben Sie den Schlüssel unten an), das Ihre Adresse nennt: Damit wird statt mit dem Passwort angemeldet (SASL EXTERNAL).</translation>
    </message>
    <message>
        <source>The address must look like name@example.org.</source>
        <translation>Die Adresse muss wie name@example.org aussehen.</translation>
    </message>
    <message>
        <source>The port must be between 1 and 65535.</source>
        <translation>Der Port muss zwischen 1 und 65535 liegen.</translation>
    </message>
    <message>
        <source>A port needs a server host.</source>
        <translation>Ein Port braucht einen Server-Host.</translation>
    </message>
    <message>
        <source>The client certificate file does not exist.</source>
        <translation>Die Datei des Client-Zertifikats existiert nicht.</translation>
    </message>
    <message>
        <source>A key needs its client certificate.</source>
        <translation>Ein Schlüssel braucht sein Client-Zertifikat.</translation>
    </message>
    <message>
        <source>The key file does not exist.</source>
        <translation>Die Schlüsseldatei existiert nicht.</translation>
    </message>
    <message>
        <source>Choose one of %1.</source>
        <translation>Wählen Sie eines von %1.</translation>
    </message>
    <message>
        <source>An XMPP address is required.</source>
        <translation>Eine XMPP-Adresse ist erforderlich.</translation>
    </message>
    <message>
        <source>The number of days cannot be negative.</source>
        <translation>Die Zahl der Tage kann nicht negativ sein.</translation>
    </message>
    <message>
        <source>the deletion of old messages</source>
        <translation>das Löschen alter Nachrichten</translation>
    </message>
    <message>
        <source>No such conversation.</source>
        <translation>Diese Unterhaltung gibt es nicht.</translation>
    </message>
    <message>
        <source>the imported history</source>
        <translation>den importierten Verlauf</translation>
    </message>
    <message numerus="yes">
        <source>%n damaged line(s) skipped.</source>
        <translation>
            <numerusform>%n beschädigte Zeile übersprungen.</numerusform>
            <numerusform>%n beschädigte Zeilen übersprungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Whom do you want to add?</source>
        <translation>Wen möchten Sie hinzufügen?</translation>
    </message>
    <message>
        <source>Whom do you want to block?</source>
        <translation>Wen möchten Sie blockieren?</translation>
    </message>
    <message>
        <source>Give the room a name or an address.</source>
        <translation>Geben Sie dem Raum einen Namen oder eine Adresse.</translation>
    </message>
    <message>
        <source>Whom do you want to ban?</source>
        <translation>Wen möchten Sie verbannen?</translation>
    </message>
    <message>
        <source>The connection was lost before the server confirmed this message, so it may not have been delivered.</source>
        <translation>Die Verbindung brach ab, bevor der Server diese Nachricht bestätigt hat; sie wurde möglicherweise nicht zugestellt.</translation>
    </message>
    <message>
        <source>This message could not be recorded before sending; it is sent on the next connection.</source>
        <translation>Diese Nachricht konnte vor dem Senden nicht vermerkt werden; sie wird bei der nächsten Verbindung gesendet.</translation>
    </message>
    <message numerus="yes">
        <source>Gave up after %n attempt(s).</source>
        <translation>
            <numerusform>Nach %n Versuch aufgegeben.</numerusform>
            <numerusform>Nach %n Versuchen aufgegeben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your messages wait in the outbox: the message store cannot save now (%1). They are sent once it can, none of them twice.</source>
        <translation>Ihre Nachrichten warten im Postausgang: Der Nachrichtenspeicher kann gerade nicht speichern (%1). Sie werden gesendet, sobald er es wieder kann, keine davon doppelt.</translation>
    </message>
    <message>
        <source>Chinwag keeps passwords only in your system keyring and never in a plain file. Start and unlock a Secret Service provider: GNOME Keyring (Debian/Ubuntu: &apos;apt install gnome-keyring&apos;) or KDE Wallet on Linux; the built-in Keychain on macOS and Credential Manager on Windows are used automatically. Without a desktop session, run Chinwag inside &apos;dbus-run-session&apos; after unlocking one with &apos;echo -n PASSWORD | gnome-keyring-daemon --unlock --components=secrets&apos;.</source>
        <translation>Chinwag bewahrt Passwörter nur im Schlüsselbund Ihres Systems auf, nie in einer einfachen Datei. Starten und entsperren Sie einen Secret-Service-Anbieter: unter Linux den GNOME-Schlüsselbund (Debian/Ubuntu: &apos;apt install gnome-keyring&apos;) oder KDE Wallet; der eingebaute Schlüsselbund unter macOS und die Anmeldeinformationsverwaltung unter Windows werden automatisch verwendet. Ohne Desktop-Sitzung starten Sie Chinwag in &apos;dbus-run-session&apos;, nachdem Sie einen Schlüsselbund mit &apos;echo -n PASSWORD | gnome-keyring-daemon --unlock --components=secrets&apos; entsperrt haben.</translation>
    </message>
    <message>
        <source>The only keyring available (%1 from %2) would store passwords unprotected.</source>
        <translation>Der einzige verfügbare Schlüsselbund (%1 aus %2) würde Passwörter ungeschützt speichern.</translation>
    </message>
    <message>
        <source>No keyring service is installed or running.</source>
        <translation>Kein Schlüsselbunddienst ist installiert oder läuft.</translation>
    </message>
    <message>
        <source>%1 does not say which account it belonged to (it was kept by an older version), so it cannot be imported.</source>
        <translation>%1 sagt nicht, zu welchem Konto es gehörte (es wurde von einer älteren Version aufbewahrt), daher kann es nicht importiert werden.</translation>
    </message>
    <message>
        <source>The server does not offer the SASL sign-in this account is set to use.</source>
        <translation>Der Server bietet die SASL-Anmeldung nicht an, die für dieses Konto eingestellt ist.</translation>
    </message>
    <message>
        <source>The server did not accept the account name or password (SASL).</source>
        <translation>Der Server hat Kontoname oder Passwort nicht akzeptiert (SASL).</translation>
    </message>
    <message>
        <source>The server password was not accepted.</source>
        <translation>Das Serverpasswort wurde nicht akzeptiert.</translation>
    </message>
    <message>
        <source>Your password was not sent to NickServ: the user with that nickname is not marked as the network&apos;s services, so it could be anyone.</source>
        <translation>Ihr Passwort wurde nicht an NickServ gesendet: Der Benutzer mit diesem Spitznamen ist nicht als Dienst des Netzwerks gekennzeichnet, es könnte also jeder sein.</translation>
    </message>
    <message>
        <source>Your password was not sent to NickServ: the server did not say in time whether NickServ is the network&apos;s services.</source>
        <translation>Ihr Passwort wurde nicht an NickServ gesendet: Der Server hat nicht rechtzeitig gesagt, ob NickServ der Dienst des Netzwerks ist.</translation>
    </message>
    <message>
        <source>This network has no NickServ: signed in without identifying.</source>
        <translation>Dieses Netzwerk hat keinen NickServ: ohne Identifizierung angemeldet.</translation>
    </message>
    <message>
        <source>NickServ did not accept the password.</source>
        <translation>NickServ hat das Passwort nicht akzeptiert.</translation>
    </message>
    <message>
        <source>Waiting for the key to decrypt this message…</source>
        <translation>Warten auf den Schlüssel, um diese Nachricht zu entschlüsseln …</translation>
    </message>
    <message>
        <source>This message could not be decrypted.</source>
        <translation>Diese Nachricht konnte nicht entschlüsselt werden.</translation>
    </message>
    <message>
        <source>The homeserver sent an unusable sync answer.</source>
        <translation>Der Homeserver hat eine unbrauchbare Sync-Antwort gesendet.</translation>
    </message>
    <message>
        <source>Banned by %1: %2</source>
        <translation>Verbannt von %1: %2</translation>
    </message>
    <message>
        <source>Banned by %1</source>
        <translation>Verbannt von %1</translation>
    </message>
    <message>
        <source>Removed by %1: %2</source>
        <translation>Entfernt von %1: %2</translation>
    </message>
    <message>
        <source>Removed by %1</source>
        <translation>Entfernt von %1</translation>
    </message>
    <message>
        <source>The emojis did not match.</source>
        <translation>Die Emojis stimmten nicht überein.</translation>
    </message>
    <message>
        <source>Cancelled by the user.</source>
        <translation>Vom Benutzer abgebrochen.</translation>
    </message>
    <message>
        <source>Only emoji verification is known.</source>
        <translation>Nur die Emoji-Verifizierung ist bekannt.</translation>
    </message>
    <message>
        <source>No common key agreement.</source>
        <translation>Kein gemeinsames Schlüsselaustauschverfahren.</translation>
    </message>
    <message>
        <source>No common MAC method.</source>
        <translation>Kein gemeinsames MAC-Verfahren.</translation>
    </message>
    <message>
        <source>No common SAS method.</source>
        <translation>Kein gemeinsames SAS-Verfahren.</translation>
    </message>
    <message>
        <source>Unexpected accept.</source>
        <translation>Unerwartete Annahme.</translation>
    </message>
    <message>
        <source>No common method.</source>
        <translation>Kein gemeinsames Verfahren.</translation>
    </message>
    <message>
        <source>No common hash.</source>
        <translation>Kein gemeinsames Hash-Verfahren.</translation>
    </message>
    <message>
        <source>Unexpected key.</source>
        <translation>Unerwarteter Schlüssel.</translation>
    </message>
    <message>
        <source>Key before accept.</source>
        <translation>Schlüssel vor der Annahme.</translation>
    </message>
    <message>
        <source>Mismatched commitment.</source>
        <translation>Die Zusage passt nicht.</translation>
    </message>
    <message>
        <source>Unexpected MAC.</source>
        <translation>Unerwarteter MAC.</translation>
    </message>
    <message>
        <source>Malformed MAC.</source>
        <translation>Fehlerhafter MAC.</translation>
    </message>
    <message>
        <source>The keys did not match.</source>
        <translation>Die Schlüssel stimmten nicht überein.</translation>
    </message>
    <message>
        <source>Unknown key type.</source>
        <translation>Unbekannter Schlüsseltyp.</translation>
    </message>
    <message>
        <source>The device key did not match.</source>
        <translation>Der Geräteschlüssel stimmte nicht überein.</translation>
    </message>
    <message>
        <source>The identity did not match.</source>
        <translation>Die Identität stimmte nicht überein.</translation>
    </message>
    <message>
        <source>The device key was not confirmed.</source>
        <translation>Der Geräteschlüssel wurde nicht bestätigt.</translation>
    </message>
    <message>
        <source>Cancelled by the other side.</source>
        <translation>Von der Gegenseite abgebrochen.</translation>
    </message>
    <message>
        <source>Timed out.</source>
        <translation>Zeit abgelaufen.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate does not match the pinned fingerprint.</source>
        <translation>Das Zertifikat des Servers passt nicht zum festgelegten Fingerabdruck.</translation>
    </message>
    <message>
        <source>The server could not deliver this message.</source>
        <translation>Der Server konnte diese Nachricht nicht zustellen.</translation>
    </message>
    <message>
        <source>%1 offers no XMPP service (DNS SRV).</source>
        <translation>%1 bietet keinen XMPP-Dienst an (DNS SRV).</translation>
    </message>
    <message>
        <source>The downloaded file is too short to be an encrypted file.</source>
        <translation>Die heruntergeladene Datei ist zu kurz für eine verschlüsselte Datei.</translation>
    </message>
    <message>
        <source>The downloaded file ended early.</source>
        <translation>Die heruntergeladene Datei endete zu früh.</translation>
    </message>
    <message>
        <source>The file could not be decrypted: it was damaged or altered on the way.</source>
        <translation>Die Datei konnte nicht entschlüsselt werden: Sie wurde unterwegs beschädigt oder verändert.</translation>
    </message>
    <message>
        <source>This message was encrypted, but not for this device, so it cannot be read here.</source>
        <translation>Diese Nachricht wurde verschlüsselt, aber nicht für dieses Gerät, daher kann sie hier nicht gelesen werden.</translation>
    </message>
    <message>
        <source>This message could not be decrypted. Repairing the encryption session with the sender may help with the next messages.</source>
        <translation>Diese Nachricht konnte nicht entschlüsselt werden. Die Verschlüsselungssitzung mit dem Absender zu reparieren, kann bei den nächsten Nachrichten helfen.</translation>
    </message>
    <message>
        <source>This message came from a device you distrust, so it is not shown.</source>
        <translation>Diese Nachricht kam von einem Gerät, dem Sie misstrauen, daher wird sie nicht angezeigt.</translation>
    </message>
    <message>
        <source>This message&apos;s encrypted content was not valid, so it is not shown.</source>
        <translation>Der verschlüsselte Inhalt dieser Nachricht war ungültig, daher wird sie nicht angezeigt.</translation>
    </message>
    <message>
        <source>You sent this message from this device; its stored copy cannot be decrypted here.</source>
        <translation>Sie haben diese Nachricht von diesem Gerät gesendet; ihre gespeicherte Kopie kann hier nicht entschlüsselt werden.</translation>
    </message>
    <message>
        <source>This message is encrypted, and encryption is not available right now.</source>
        <translation>Diese Nachricht ist verschlüsselt, und Verschlüsselung ist gerade nicht verfügbar.</translation>
    </message>
    <message>
        <source>This message came from a device whose identity key changed, so it is not shown.</source>
        <translation>Diese Nachricht kam von einem Gerät, dessen Identitätsschlüssel sich geändert hat, daher wird sie nicht angezeigt.</translation>
    </message>
    <message>
        <source>A device of %1 (%2) now presents another identity key than the one it published, so its messages are not shown.</source>
        <translation>Ein Gerät von %1 (%2) zeigt jetzt einen anderen Identitätsschlüssel als den veröffentlichten, daher werden seine Nachrichten nicht angezeigt.</translation>
    </message>
    <message>
        <source>The server could not check the password now.</source>
        <translation>Der Server konnte das Passwort gerade nicht prüfen.</translation>
    </message>
    <message>
        <source>This account is disabled on the server.</source>
        <translation>Dieses Konto ist auf dem Server deaktiviert.</translation>
    </message>
    <message>
        <source>Wrong address or password.</source>
        <translation>Falsche Adresse oder falsches Passwort.</translation>
    </message>
    <message>
        <source>The server does not serve %1.</source>
        <translation>Der Server ist nicht für %1 zuständig.</translation>
    </message>
    <message>
        <source>Cannot reach the server%1.</source>
        <translation>Der Server ist nicht erreichbar%1.</translation>
    </message>
    <message>
        <source>The server offered an unencrypted upload address; refusing.</source>
        <translation>Der Server hat eine unverschlüsselte Upload-Adresse angeboten; abgelehnt.</translation>
    </message>
    <message>
        <source>The upload server sent a malformed answer.</source>
        <translation>Der Upload-Server hat eine fehlerhafte Antwort gesendet.</translation>
    </message>
    <message>
        <source>The upload server answered %1.</source>
        <translation>Der Upload-Server antwortete: %1.</translation>
    </message>
    <message>
        <source>Too many redirections.</source>
        <translation>Zu viele Weiterleitungen.</translation>
    </message>
    <message>
        <source>Only https links are downloaded.</source>
        <translation>Nur https-Links werden heruntergeladen.</translation>
    </message>
    <message>
        <source>The server sent an oversized answer.</source>
        <translation>Der Server hat eine übergroße Antwort gesendet.</translation>
    </message>
    <message>
        <source>The server answered %1.</source>
        <translation>Der Server antwortete: %1.</translation>
    </message>
    <message>
        <source>The file server sent a malformed answer.</source>
        <translation>Der Dateiserver hat eine fehlerhafte Antwort gesendet.</translation>
    </message>
    <message>
        <source>The server did not answer in HTTP.</source>
        <translation>Der Server hat nicht per HTTP geantwortet.</translation>
    </message>
    <message>
        <source>The download ended early.</source>
        <translation>Der Download endete zu früh.</translation>
    </message>
    <message>
        <source>The file is larger than %1 MiB; not downloaded.</source>
        <translation>Die Datei ist größer als %1 MiB; nicht heruntergeladen.</translation>
    </message>
    <message>
        <source>The upload server&apos;s certificate does not match the pinned fingerprint.</source>
        <translation>Das Zertifikat des Upload-Servers passt nicht zum festgelegten Fingerabdruck.</translation>
    </message>
    <message>
        <source>The passphrase is too short: use at least %1 characters (a few unrelated words are easy to remember and hard to guess).</source>
        <translation>Die Passphrase ist zu kurz: Verwenden Sie mindestens %1 Zeichen (einige Wörter ohne Zusammenhang sind leicht zu merken und schwer zu erraten).</translation>
    </message>
    <message>
        <source>The passphrase cannot begin or end with a space.</source>
        <translation>Die Passphrase darf nicht mit einem Leerzeichen beginnen oder enden.</translation>
    </message>
    <message>
        <source>WHOIS %1</source>
        <translation>WHOIS %1</translation>
    </message>
    <message>
        <source>%1 is %2@%3 (%4)</source>
        <translation>%1 ist %2@%3 (%4)</translation>
    </message>
    <message>
        <source>logged in as %1</source>
        <translation>angemeldet als %1</translation>
    </message>
    <message>
        <source>on %1</source>
        <comment>the channels someone is in</comment>
        <translation>in %1</translation>
    </message>
    <message>
        <source>via %1</source>
        <comment>the server someone is connected to</comment>
        <translation>über %1</translation>
    </message>
    <message>
        <source>away: %1</source>
        <translation>abwesend: %1</translation>
    </message>
    <message>
        <source>idle %1 s</source>
        <comment>seconds since someone last spoke</comment>
        <translation>untätig seit %1 s</translation>
    </message>
    <message>
        <source>using a secure connection</source>
        <translation>nutzt eine sichere Verbindung</translation>
    </message>
    <message>
        <source>no such nick</source>
        <translation>diesen Nick gibt es nicht</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <comment>the parts of a WHOIS summary</comment>
        <translation>%1; %2</translation>
    </message>
    <message numerus="yes">
        <source>Could not save %n incoming update(s) (%1); the log says which.</source>
        <translation>
            <numerusform>%n eingehende Änderung konnte nicht gespeichert werden (%1); welche, steht im Protokoll.</numerusform>
            <numerusform>%n eingehende Änderungen konnten nicht gespeichert werden (%1); welche, steht im Protokoll.</numerusform>
        </translation>
    </message>
    <message>
        <source>The message store of this account is damaged (%1). Incoming messages are kept in memory for now and are lost when Chinwag quits.</source>
        <translation>Der Nachrichtenspeicher dieses Kontos ist beschädigt (%1). Eingehende Nachrichten werden vorerst im Arbeitsspeicher aufbewahrt und gehen verloren, wenn Chinwag beendet wird.</translation>
    </message>
    <message>
        <source>Could not save incoming messages (%1). They are kept and saved as soon as the disk works again.</source>
        <translation>Eingehende Nachrichten konnten nicht gespeichert werden (%1). Sie werden aufbewahrt und gespeichert, sobald der Datenträger wieder funktioniert.</translation>
    </message>
    <message numerus="yes">
        <source>%n incoming update(s) dropped: too many were waiting to be saved (in %1).</source>
        <translation>
            <numerusform>%n eingehende Änderung verworfen: zu viele warteten darauf, gespeichert zu werden (in %1).</numerusform>
            <numerusform>%n eingehende Änderungen verworfen: zu viele warteten darauf, gespeichert zu werden (in %1).</numerusform>
        </translation>
    </message>
    <message>
        <source>Incoming messages are saved again.</source>
        <translation>Eingehende Nachrichten werden wieder gespeichert.</translation>
    </message>
    <message numerus="yes">
        <source>%n incoming update(s) could not be saved before the account stopped (%1); they are lost.</source>
        <translation>
            <numerusform>%n eingehende Änderung konnte nicht gespeichert werden, bevor das Konto beendet wurde (%1); sie ist verloren.</numerusform>
            <numerusform>%n eingehende Änderungen konnten nicht gespeichert werden, bevor das Konto beendet wurde (%1); sie sind verloren.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reconnecting to fetch again what could not be saved.</source>
        <translation>Neu verbinden, um noch einmal abzurufen, was nicht gespeichert werden konnte.</translation>
    </message>
    <message>
        <source>This poll has ended.</source>
        <translation>Diese Umfrage ist beendet.</translation>
    </message>
    <message>
        <source>This poll does not offer that choice.</source>
        <translation>Diese Umfrage bietet diese Wahl nicht an.</translation>
    </message>
    <message>
        <source>Only who started a poll can end it.</source>
        <translation>Nur wer eine Umfrage gestartet hat, kann sie beenden.</translation>
    </message>
    <message>
        <source>A poll needs a question and two answers.</source>
        <translation>Eine Umfrage braucht eine Frage und zwei Antworten.</translation>
    </message>
    <message>
        <source>This poll is too long.</source>
        <translation>Diese Umfrage ist zu lang.</translation>
    </message>
    <message>
        <source>No such poll.</source>
        <translation>Diese Umfrage gibt es nicht.</translation>
    </message>
    <message>
        <source>Could not remove the message: you are not a moderator of this room.</source>
        <translation>Die Nachricht konnte nicht entfernt werden: Sie moderieren diesen Raum nicht.</translation>
    </message>
    <message>
        <source>Could not remove the message: the room no longer has it.</source>
        <translation>Die Nachricht konnte nicht entfernt werden: Der Raum hat sie nicht mehr.</translation>
    </message>
    <message>
        <source>Could not remove the message</source>
        <translation>Die Nachricht konnte nicht entfernt werden</translation>
    </message>
    <message>
        <source>This room does not let moderators remove messages.</source>
        <translation>In diesem Raum können Moderatoren keine Nachrichten entfernen.</translation>
    </message>
    <message>
        <source>Which session?</source>
        <translation>Welche Sitzung?</translation>
    </message>
    <message>
        <source>This session is the one Chinwag uses: remove the account to sign it out.</source>
        <translation>Diese Sitzung ist die, die Chinwag verwendet: Entfernen Sie das Konto, um sie abzumelden.</translation>
    </message>
    <message>
        <source>The server did not accept the password to sign those sessions out.</source>
        <translation>Der Server hat das Passwort zum Abmelden dieser Sitzungen nicht angenommen.</translation>
    </message>
    <message>
        <source>The server asks to confirm in another way than with the password (single sign-on): sign those sessions out on your server&apos;s account page or in Element.</source>
        <translation>Der Server verlangt eine andere Bestätigung als das Passwort (Single Sign-on): Melden Sie diese Sitzungen auf der Kontoseite Ihres Servers oder in Element ab.</translation>
    </message>
    <message>
        <source>The account&apos;s password is needed to sign other sessions out.</source>
        <translation>Zum Abmelden anderer Sitzungen wird das Passwort des Kontos benötigt.</translation>
    </message>
    <message>
        <source>The draft could not be saved.</source>
        <translation>Der Entwurf konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>the new account</source>
        <translation>das neue Konto</translation>
    </message>
    <message>
        <source>the account&apos;s changes</source>
        <translation>die Änderungen am Konto</translation>
    </message>
    <message>
        <source>that the account is on</source>
        <translation>das Einschalten des Kontos</translation>
    </message>
    <message>
        <source>that the account is off</source>
        <translation>das Ausschalten des Kontos</translation>
    </message>
    <message>
        <source>the history to keep</source>
        <translation>den aufzubewahrenden Verlauf</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>der Datenträger ist voll</translation>
    </message>
    <message>
        <source>the disk could not be written (input/output error)</source>
        <translation>auf den Datenträger konnte nicht geschrieben werden (Ein-/Ausgabefehler)</translation>
    </message>
    <message>
        <source>the file may not be written</source>
        <translation>die Datei darf nicht geschrieben werden</translation>
    </message>
    <message>
        <source>the file is in use by another program</source>
        <translation>die Datei wird von einem anderen Programm verwendet</translation>
    </message>
    <message>
        <source>the file is damaged</source>
        <translation>die Datei ist beschädigt</translation>
    </message>
    <message>
        <source>the file cannot be opened</source>
        <translation>die Datei lässt sich nicht öffnen</translation>
    </message>
    <message>
        <source>the disk reported an error (%1)</source>
        <translation>der Datenträger meldete einen Fehler (%1)</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>Konnte %1 nicht speichern: %2</translation>
    </message>
    <message>
        <source>the setting</source>
        <translation>die Einstellung</translation>
    </message>
</context>
<context>
    <name>DevicesDialog</name>
    <message>
        <source>Devices of {who}</source>
        <translation>Geräte von {who}</translation>
    </message>
    <message>
        <source>Loading devices…</source>
        <translation>Geräte werden geladen …</translation>
    </message>
    <message>
        <source>Devices status</source>
        <translation>Gerätestatus</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>&amp;Verify selected device</source>
        <translation>Gewähltes Gerät &amp;verifizieren</translation>
    </message>
    <message>
        <source>Verify the selected device</source>
        <translation>Das gewählte Gerät verifizieren</translation>
    </message>
    <message>
        <source>Verify &amp;person</source>
        <translation>&amp;Person verifizieren</translation>
    </message>
    <message>
        <source>Verify this person on all devices</source>
        <translation>Diese Person auf allen Geräten verifizieren</translation>
    </message>
    <message>
        <source>Fingerprints &amp;match</source>
        <translation>Fingerabdrücke &amp;stimmen überein</translation>
    </message>
    <message>
        <source>The fingerprints match: mark the selected device as verified</source>
        <translation>Die Fingerabdrücke stimmen überein: das gewählte Gerät als verifiziert markieren</translation>
    </message>
    <message>
        <source>&amp;Distrust</source>
        <translation>&amp;Misstrauen</translation>
    </message>
    <message>
        <source>Distrust the selected device: nothing is encrypted to it any more</source>
        <translation>Dem gewählten Gerät misstrauen: Es wird nichts mehr dafür verschlüsselt</translation>
    </message>
    <message>
        <source>&amp;Undo decision</source>
        <translation>Entscheidung &amp;zurücknehmen</translation>
    </message>
    <message>
        <source>Take back the decision about the selected device</source>
        <translation>Die Entscheidung über das gewählte Gerät zurücknehmen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Fingerabdruck</translation>
    </message>
    <message>
        <source>QR code of the selected device&apos;s fingerprint</source>
        <translation>QR-Code des Fingerabdrucks des gewählten Geräts</translation>
    </message>
    <message>
        <source>Compare the fingerprint with the one the device shows, or scan this code.</source>
        <translation>Vergleichen Sie den Fingerabdruck mit dem, den das Gerät anzeigt, oder scannen Sie diesen Code.</translation>
    </message>
    <message>
        <source>The devices could not be listed.</source>
        <translation>Die Geräte konnten nicht aufgelistet werden.</translation>
    </message>
    <message>
        <source>{verified} of {total} devices verified.</source>
        <translation>{verified} von {total} Geräten verifiziert.</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>verifiziert</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>nicht verifiziert</translation>
    </message>
    <message>
        <source>distrusted</source>
        <translation>misstraut</translation>
    </message>
    <message>
        <source>Device {id}</source>
        <translation>Gerät {id}</translation>
    </message>
    <message>
        <source>this device</source>
        <translation>dieses Gerät</translation>
    </message>
    <message>
        <source>Yours: {name}</source>
        <translation>Ihres: {name}</translation>
    </message>
    <message>
        <source>{name} of {who} — {trust}</source>
        <translation>{name} von {who} — {trust}</translation>
    </message>
    <message>
        <source>Encodes the address {uri}</source>
        <translation>Enthält die Adresse {uri}</translation>
    </message>
    <message>
        <source>That did not work.</source>
        <translation>Das hat nicht geklappt.</translation>
    </message>
</context>
<context>
    <name>Disclosure</name>
    <message>
        <source>expanded</source>
        <translation>ausgeklappt</translation>
    </message>
    <message>
        <source>collapsed</source>
        <translation>eingeklappt</translation>
    </message>
    <message>
        <source>Shows the settings most accounts never need.</source>
        <translation>Zeigt die Einstellungen, die die meisten Konten nie brauchen.</translation>
    </message>
</context>
<context>
    <name>EmojiPicker</name>
    <message>
        <source>Insert emoji</source>
        <translation>Emoji einfügen</translation>
    </message>
    <message>
        <source>Search emoji</source>
        <translation>Emoji suchen</translation>
    </message>
    <message>
        <source>Type part of a name. Down goes to the results; Enter takes the first, or with nothing typed the one used last.</source>
        <translation>Geben Sie einen Teil eines Namens ein. Pfeil nach unten springt zu den Ergebnissen; Eingabe nimmt das erste, oder ohne Eingabe das zuletzt verwendete.</translation>
    </message>
    <message>
        <source>Search emoji…</source>
        <translation>Emoji suchen …</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Suche leeren</translation>
    </message>
    <message>
        <source>&amp;Recently used</source>
        <translation>&amp;Zuletzt verwendet</translation>
    </message>
    <message>
        <source>Recently used emoji</source>
        <translation>Zuletzt verwendete Emoji</translation>
    </message>
    <message>
        <source>&amp;All emoji</source>
        <translation>&amp;Alle Emoji</translation>
    </message>
    <message>
        <source>Emoji</source>
        <translation>Emoji</translation>
    </message>
    <message>
        <source>No emoji with that name. Enter uses the text itself.</source>
        <translation>Kein Emoji mit diesem Namen. Eingabe verwendet den Text selbst.</translation>
    </message>
    <message>
        <source>No emoji with that name.</source>
        <translation>Kein Emoji mit diesem Namen.</translation>
    </message>
    <message numerus="yes">
        <source>Results (%n)</source>
        <translation>
            <numerusform>Ergebnisse (%n)</numerusform>
            <numerusform>Ergebnisse (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FieldRow</name>
    <message>
        <source>Problem with {label}</source>
        <translation>Problem mit {label}</translation>
    </message>
    <message>
        <source>Problem: {text}</source>
        <translation>Problem: {text}</translation>
    </message>
</context>
<context>
    <name>FileField</name>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <source>Choose a file for {label}</source>
        <translation>Eine Datei für {label} wählen</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Eine Datei wählen</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>Welcome to Chinwag</source>
        <translation>Willkommen bei Chinwag</translation>
    </message>
    <message>
        <source>Chat on XMPP, Matrix and IRC from one window. Each account stays separate: its contacts and conversations are never mixed with another&apos;s.

To begin, add the account you use most. You can add more later.</source>
        <translation>Chatten Sie über XMPP, Matrix und IRC in einem Fenster. Jedes Konto bleibt für sich: Seine Kontakte und Unterhaltungen werden nie mit denen eines anderen vermischt.

Fügen Sie zu Beginn das Konto hinzu, das Sie am meisten nutzen. Weitere können Sie später hinzufügen.</translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation>Einführung</translation>
    </message>
    <message>
        <source>Add a&amp;n account…</source>
        <translation>Ein &amp;Konto hinzufügen …</translation>
    </message>
    <message>
        <source>Add an account</source>
        <translation>Konto hinzufügen</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>&amp;Konto:</translation>
    </message>
    <message>
        <source>Please fill in: {fields}</source>
        <translation>Bitte ausfüllen: {fields}</translation>
    </message>
    <message>
        <source>Required, still empty</source>
        <translation>Erforderlich, noch leer</translation>
    </message>
</context>
<context>
    <name>FreedesktopNotifier</name>
    <message>
        <source>Open conversation</source>
        <translation>Unterhaltung öffnen</translation>
    </message>
</context>
<context>
    <name>HoverBar</name>
    <message>
        <source>React</source>
        <translation>Reagieren</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Text kopieren</translation>
    </message>
    <message>
        <source>Delete for everyone</source>
        <translation>Für alle löschen</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>Weitere Aktionen</translation>
    </message>
    <message>
        <source>Message actions</source>
        <translation>Aktionen für die Nachricht</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <source>Image: {name}</source>
        <translation>Bild: {name}</translation>
    </message>
    <message>
        <source>Image viewer</source>
        <translation>Bildbetrachter</translation>
    </message>
    <message>
        <source>Loading the image…</source>
        <translation>Das Bild wird geladen …</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Zoom level</source>
        <translation>Zoomstufe</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>&amp;Fit</source>
        <translation>&amp;Einpassen</translation>
    </message>
    <message>
        <source>Fit to the window</source>
        <translation>In das Fenster einpassen</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <source>Show at actual size</source>
        <translation>In Originalgröße anzeigen</translation>
    </message>
    <message>
        <source>&amp;Save a copy…</source>
        <translation>Eine Kopie &amp;speichern …</translation>
    </message>
    <message>
        <source>Save a copy of the image</source>
        <translation>Eine Kopie des Bildes speichern</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>This file could not be shown as an image ({error}).</source>
        <translation>Diese Datei konnte nicht als Bild angezeigt werden ({error}).</translation>
    </message>
    <message>
        <source>unknown format</source>
        <translation>unbekanntes Format</translation>
    </message>
    <message>
        <source>{width} × {height} pixels</source>
        <translation>{width} × {height} Pixel</translation>
    </message>
    <message>
        <source>{percent} %</source>
        <translation>{percent} %</translation>
    </message>
    <message>
        <source>{percent} % (fitted)</source>
        <translation>{percent} % (eingepasst)</translation>
    </message>
    <message>
        <source>Could not save: {error}</source>
        <translation>Speichern nicht möglich: {error}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening your conversations…</source>
        <translation>Ihre Unterhaltungen werden geöffnet …</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Wird geladen</translation>
    </message>
    <message>
        <source>Status and progress</source>
        <translation>Status und Fortschritt</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Nothing is waiting for an answer.</source>
        <translation>Nichts wartet auf eine Antwort.</translation>
    </message>
    <message>
        <source>Open a room first.</source>
        <translation>Öffnen Sie zuerst einen Raum.</translation>
    </message>
    <message>
        <source>Open this address in your web browser to continue: {url}</source>
        <translation>Öffnen Sie diese Adresse in Ihrem Webbrowser, um fortzufahren: {url}</translation>
    </message>
    <message>
        <source>The plugin “{name}” could not be loaded: {reason}</source>
        <translation>Das Plugin „{name}“ konnte nicht geladen werden: {reason}</translation>
    </message>
    <message>
        <source>{account}: the server ended the session. Sign in again with Edit account; your messages and encryption keys are kept.</source>
        <translation>{account}: Der Server hat die Sitzung beendet. Melden Sie sich über „Konto bearbeiten“ erneut an; Ihre Nachrichten und Verschlüsselungsschlüssel bleiben erhalten.</translation>
    </message>
    <message>
        <source>{conversation} — Chinwag</source>
        <translation>{conversation} — Chinwag</translation>
    </message>
</context>
<context>
    <name>Media</name>
    <message>
        <source>Voice message</source>
        <translation>Sprachnachricht</translation>
    </message>
    <message>
        <source>Audio: {name}</source>
        <translation>Audio: {name}</translation>
    </message>
    <message>
        <source>Video: {name}</source>
        <translation>Video: {name}</translation>
    </message>
</context>
<context>
    <name>MemberListModel</name>
    <message>
        <source>owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>moderator</source>
        <translation>Moderator</translation>
    </message>
    <message>
        <source>member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>visitor</source>
        <translation>Besucher</translation>
    </message>
    <message>
        <source>available</source>
        <translation>verfügbar</translation>
    </message>
    <message>
        <source>free to chat</source>
        <translation>gesprächsbereit</translation>
    </message>
    <message>
        <source>away</source>
        <translation>abwesend</translation>
    </message>
    <message>
        <source>away for a while</source>
        <translation>länger abwesend</translation>
    </message>
    <message>
        <source>do not disturb</source>
        <translation>bitte nicht stören</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>presence unknown</source>
        <translation>Anwesenheit unbekannt</translation>
    </message>
</context>
<context>
    <name>MemberPanel</name>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>&amp;Remove from room</source>
        <translation>Aus dem Raum &amp;entfernen</translation>
    </message>
    <message>
        <source>Remove the selected member from the room</source>
        <translation>Das gewählte Mitglied aus dem Raum entfernen</translation>
    </message>
    <message>
        <source>&amp;Ban from room</source>
        <translation>Aus dem Raum &amp;verbannen</translation>
    </message>
    <message>
        <source>Ban the selected member from the room</source>
        <translation>Das gewählte Mitglied aus dem Raum verbannen</translation>
    </message>
    <message>
        <source>Bloc&amp;k…</source>
        <translation>Bloc&amp;kieren …</translation>
    </message>
    <message>
        <source>Block the selected member</source>
        <translation>Das gewählte Mitglied blockieren</translation>
    </message>
    <message numerus="yes">
        <source>Members (%n)</source>
        <translation>
            <numerusform>Mitglieder (%n)</numerusform>
            <numerusform>Mitglieder (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageActions</name>
    <message>
        <source>&amp;Reply</source>
        <translation>&amp;Antworten</translation>
    </message>
    <message>
        <source>Re&amp;act</source>
        <translation>Rea&amp;gieren</translation>
    </message>
    <message>
        <source>Other…</source>
        <translation>Andere …</translation>
    </message>
    <message>
        <source>Open &amp;thread ({count})</source>
        <translation>&amp;Thread öffnen ({count})</translation>
    </message>
    <message>
        <source>Reply in t&amp;hread</source>
        <translation>Im T&amp;hread antworten</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>B&amp;earbeiten</translation>
    </message>
    <message>
        <source>&amp;Delete for everyone…</source>
        <translation>Für alle l&amp;öschen …</translation>
    </message>
    <message>
        <source>&amp;Copy text</source>
        <translation>Text &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;link to the message</source>
        <translation>&amp;Link zur Nachricht kopieren</translation>
    </message>
    <message>
        <source>Say when it was &amp;sent</source>
        <translation>&amp;Sendezeit ansagen</translation>
    </message>
    <message>
        <source>Open link {url}</source>
        <translation>Link {url} öffnen</translation>
    </message>
    <message>
        <source>Open {name}</source>
        <translation>{name} öffnen</translation>
    </message>
    <message>
        <source>Download {name}</source>
        <translation>{name} herunterladen</translation>
    </message>
    <message>
        <source>Save {name} as…</source>
        <translation>{name} speichern unter …</translation>
    </message>
    <message>
        <source>Show or hide the whole message</source>
        <translation>Die ganze Nachricht zeigen oder verbergen</translation>
    </message>
    <message>
        <source>Re&amp;veal spoiler</source>
        <translation>Spoiler a&amp;ufdecken</translation>
    </message>
    <message>
        <source>&amp;Retry sending</source>
        <translation>Senden wiederh&amp;olen</translation>
    </message>
    <message>
        <source>Re&amp;pair encryption with {who}</source>
        <translation>Verschlüsselung mit {who} re&amp;parieren</translation>
    </message>
    <message>
        <source>&amp;Block {name}…</source>
        <translation>{name} &amp;blockieren …</translation>
    </message>
    <message>
        <source>React</source>
        <translation>Reagieren</translation>
    </message>
    <message>
        <source>&amp;Recent and quick reactions</source>
        <translation>&amp;Zuletzt verwendete und schnelle Reaktionen</translation>
    </message>
    <message>
        <source>Delete message</source>
        <translation>Nachricht löschen</translation>
    </message>
    <message>
        <source>Delete this message for everyone in the conversation?</source>
        <translation>Diese Nachricht für alle in der Unterhaltung löschen?</translation>
    </message>
    <message>
        <source>New encryption sessions were started. Messages sent from now on can be read; ask for the unreadable ones again.</source>
        <translation>Neue Verschlüsselungssitzungen wurden begonnen. Ab jetzt gesendete Nachrichten sind lesbar; fordern Sie die unlesbaren erneut an.</translation>
    </message>
    <message>
        <source>Images are never loaded</source>
        <translation>Bilder werden nie geladen</translation>
    </message>
    <message>
        <source>Your privacy setting says never to load images from the network, so {name} was not downloaded. Load images when you ask for them from now on?</source>
        <translation>Ihre Datenschutzeinstellung besagt, dass Bilder nie aus dem Netz geladen werden, daher wurde {name} nicht heruntergeladen. Bilder ab jetzt laden, wenn Sie danach fragen?</translation>
    </message>
    <message>
        <source>this image</source>
        <translation>dieses Bild</translation>
    </message>
    <message>
        <source>&amp;Load when I ask, and get this one</source>
        <translation>Auf &amp;Nachfrage laden, und dieses jetzt holen</translation>
    </message>
    <message>
        <source>&amp;Keep never loading</source>
        <translation>&amp;Weiterhin nie laden</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Anhang speichern</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>Show more ({n} more characters)</source>
        <translation>Mehr anzeigen ({n} weitere Zeichen)</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>download failed: {error}</source>
        <translation>Herunterladen fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>downloading {percent}%</source>
        <translation>wird heruntergeladen: {percent} %</translation>
    </message>
    <message>
        <source>downloading…</source>
        <translation>wird heruntergeladen …</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>bearbeitet</translation>
    </message>
    <message>
        <source>New messages</source>
        <translation>Neue Nachrichten</translation>
    </message>
    <message>
        <source>The message could not be sent.</source>
        <translation>Die Nachricht konnte nicht gesendet werden.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
</context>
<context>
    <name>MessageListModel</name>
    <message>
        <source>sending…</source>
        <translation>wird gesendet …</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>zugestellt</translation>
    </message>
    <message>
        <source>read</source>
        <translation>gelesen</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>nicht gesendet</translation>
    </message>
    <message>
        <source>encrypted</source>
        <translation>verschlüsselt</translation>
    </message>
    <message>
        <source>sent from an unverified device</source>
        <translation>von einem nicht verifizierten Gerät gesendet</translation>
    </message>
    <message>
        <source>encrypted, verified</source>
        <translation>verschlüsselt, verifiziert</translation>
    </message>
    <message>
        <source>waiting for the key</source>
        <translation>wartet auf den Schlüssel</translation>
    </message>
    <message>
        <source>could not be decrypted</source>
        <translation>konnte nicht entschlüsselt werden</translation>
    </message>
    <message>
        <source>not encrypted</source>
        <translation>nicht verschlüsselt</translation>
    </message>
    <message>
        <source>Removed by a moderator.</source>
        <translation>Von einer Moderatorin oder einem Moderator entfernt.</translation>
    </message>
    <message>
        <source>Removed by {moderator}.</source>
        <translation>Von {moderator} entfernt.</translation>
    </message>
    <message>
        <source>Removed by {moderator}: {reason}</source>
        <translation>Von {moderator} entfernt: {reason}</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>In reply to an earlier message</source>
        <translation>Als Antwort auf eine frühere Nachricht</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) in thread</source>
        <translation>
            <numerusform>%n Nachricht im Thread</numerusform>
            <numerusform>%n Nachrichten im Thread</numerusform>
        </translation>
    </message>
    <message>
        <source>{count}, latest from {sender}, {text}</source>
        <translation>{count}, zuletzt von {sender}, {text}</translation>
    </message>
    <message>
        <source>{count}, latest from {sender}: {text}</source>
        <translation>{count}, zuletzt von {sender}: {text}</translation>
    </message>
    <message>
        <source>link preview, {text}</source>
        <translation>Linkvorschau, {text}</translation>
    </message>
    <message>
        <source>in reply to {quote}</source>
        <translation>als Antwort auf {quote}</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>bearbeitet</translation>
    </message>
    <message>
        <source>attachments, {names}</source>
        <translation>Anhänge, {names}</translation>
    </message>
    <message>
        <source>reactions, {chips}</source>
        <translation>Reaktionen, {chips}</translation>
    </message>
    <message>
        <source>download failed</source>
        <translation>Herunterladen fehlgeschlagen</translation>
    </message>
    <message>
        <source>downloaded</source>
        <translation>heruntergeladen</translation>
    </message>
    <message>
        <source>downloading {percent}%</source>
        <translation>wird heruntergeladen: {percent} %</translation>
    </message>
    <message>
        <source>downloading</source>
        <translation>wird heruntergeladen</translation>
    </message>
    <message>
        <source>This message was deleted.</source>
        <translation>Diese Nachricht wurde gelöscht.</translation>
    </message>
</context>
<context>
    <name>MessageView</name>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
</context>
<context>
    <name>ModerationActions</name>
    <message>
        <source>Re&amp;move as moderator…</source>
        <translation>Als Moderator ent&amp;fernen …</translation>
    </message>
    <message>
        <source>Remove message</source>
        <translation>Nachricht entfernen</translation>
    </message>
    <message>
        <source>Remove this message for everyone in the room? Reason (optional, public):</source>
        <translation>Diese Nachricht für alle im Raum entfernen? Grund (optional, für alle sichtbar):</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>NewRoomDialog</name>
    <message>
        <source>New room</source>
        <translation>Neuer Raum</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>&amp;Konto:</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <source>Add an account first.</source>
        <translation>Fügen Sie zuerst ein Konto hinzu.</translation>
    </message>
    <message>
        <source>This account cannot create rooms right now (it is not connected, or its service has no rooms).</source>
        <translation>Dieses Konto kann gerade keine Räume anlegen (es ist nicht verbunden, oder sein Dienst kennt keine Räume).</translation>
    </message>
    <message>
        <source>Give the room a name or an address.</source>
        <translation>Geben Sie dem Raum einen Namen oder eine Adresse.</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Wird erstellt …</translation>
    </message>
    <message>
        <source>The room could not be created.</source>
        <translation>Der Raum konnte nicht erstellt werden.</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Notice</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Notice text</source>
        <translation>Hinweistext</translation>
    </message>
    <message>
        <source>Try again now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Dismiss notice</source>
        <translation>Hinweis schließen</translation>
    </message>
    <message>
        <source>Error: </source>
        <translation>Fehler: </translation>
    </message>
    <message>
        <source>Warning: </source>
        <translation>Warnung: </translation>
    </message>
    <message>
        <source>Error, {text}</source>
        <translation>Fehler, {text}</translation>
    </message>
    <message>
        <source>Warning, {text}</source>
        <translation>Warnung, {text}</translation>
    </message>
    <message numerus="yes">
        <source>(%n more)</source>
        <translation>
            <numerusform>(%n weitere)</numerusform>
            <numerusform>(%n weitere)</numerusform>
        </translation>
    </message>
    <message>
        <source>{action}: {notice}</source>
        <translation>{action}: {notice}</translation>
    </message>
</context>
<context>
    <name>NotificationCenter</name>
    <message numerus="yes">
        <source>%n new message(s)</source>
        <translation>
            <numerusform>%n neue Nachricht</numerusform>
            <numerusform>%n neue Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>sent {files}</source>
        <translation>hat {files} gesendet</translation>
    </message>
</context>
<context>
    <name>PeopleActions</name>
    <message>
        <source>&amp;Chat</source>
        <translation>&amp;Chatten</translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation>&amp;Details …</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>&amp;Umbenennen …</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen …</translation>
    </message>
    <message>
        <source>&amp;Block…</source>
        <translation>&amp;Blockieren …</translation>
    </message>
    <message>
        <source>&amp;Unblock</source>
        <translation>&amp;Freigeben</translation>
    </message>
    <message>
        <source>&amp;Add a contact…</source>
        <translation>Einen Kontakt &amp;hinzufügen …</translation>
    </message>
    <message>
        <source>Blocked &amp;people…</source>
        <translation>Blockierte &amp;Personen …</translation>
    </message>
    <message>
        <source>Rename contact</source>
        <translation>Kontakt umbenennen</translation>
    </message>
    <message>
        <source>Name for {address}:</source>
        <translation>Name für {address}:</translation>
    </message>
    <message>
        <source>Remove contact</source>
        <translation>Kontakt entfernen</translation>
    </message>
    <message>
        <source>Remove {name} from your contacts? You will no longer see each other&apos;s status.</source>
        <translation>{name} aus Ihren Kontakten entfernen? Sie sehen dann den Status des anderen nicht mehr.</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Blockieren</translation>
    </message>
    <message>
        <source>Block {name}? You will not get their messages, invitations or requests any more, and they are not told.</source>
        <translation>{name} blockieren? Sie erhalten dann keine Nachrichten, Einladungen oder Anfragen mehr von dieser Person, und sie erfährt es nicht.</translation>
    </message>
    <message>
        <source>&amp;Block</source>
        <translation>&amp;Blockieren</translation>
    </message>
    <message>
        <source>{who} is blocked.</source>
        <translation>{who} ist blockiert.</translation>
    </message>
    <message>
        <source>{who} is no longer blocked.</source>
        <translation>{who} ist nicht mehr blockiert.</translation>
    </message>
    <message>
        <source>That did not work.</source>
        <translation>Das hat nicht geklappt.</translation>
    </message>
</context>
<context>
    <name>Phrasing</name>
    <message>
        <source>from {sender}</source>
        <translation>von {sender}</translation>
    </message>
    <message>
        <source>from {first} and {second}</source>
        <translation>von {first} und {second}</translation>
    </message>
    <message numerus="yes">
        <source>from {first} and %n other(s)</source>
        <translation>
            <numerusform>von {first} und %n weiteren Person</numerusform>
            <numerusform>von {first} und %n weiteren Personen</numerusform>
        </translation>
    </message>
    <message>
        <source>{conversation} on {account}</source>
        <translation>{conversation} bei {account}</translation>
    </message>
    <message>
        <source>{sender} on {account}</source>
        <translation>{sender} bei {account}</translation>
    </message>
    <message numerus="yes">
        <source>%n new private message(s) from {sender}</source>
        <translation>
            <numerusform>%n neue private Nachricht von {sender}</numerusform>
            <numerusform>%n neue private Nachrichten von {sender}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s) in {conversation}</source>
        <translation>
            <numerusform>%n neue Nachricht in {conversation}</numerusform>
            <numerusform>%n neue Nachrichten in {conversation}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mentioning you</source>
        <translation>
            <numerusform>%n Erwähnung</numerusform>
            <numerusform>%n Erwähnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Private message from {sender}, {text}</source>
        <translation>Private Nachricht von {sender}, {text}</translation>
    </message>
    <message>
        <source>{sender}, {text}</source>
        <translation>{sender}, {text}</translation>
    </message>
    <message>
        <source>{sender} mentioned you in {conversation}, {text}</source>
        <translation>{sender} hat Sie in {conversation} erwähnt, {text}</translation>
    </message>
    <message>
        <source>{sender} in {conversation}, {text}</source>
        <translation>{sender} in {conversation}, {text}</translation>
    </message>
</context>
<context>
    <name>PollActions</name>
    <message>
        <source>&amp;Vote</source>
        <translation>Abst&amp;immen</translation>
    </message>
    <message>
        <source>&amp;Take my vote back</source>
        <translation>Meine Stimme &amp;zurücknehmen</translation>
    </message>
    <message>
        <source>E&amp;nd poll</source>
        <translation>Umfrage beende&amp;n</translation>
    </message>
</context>
<context>
    <name>PollDialog</name>
    <message>
        <source>Start a poll</source>
        <translation>Umfrage starten</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Answers, one a line</source>
        <translation>Antworten, eine pro Zeile</translation>
    </message>
    <message>
        <source>Show the &amp;results while the poll is open</source>
        <translation>&amp;Ergebnisse zeigen, solange die Umfrage läuft</translation>
    </message>
    <message>
        <source>Answers one may choose</source>
        <translation>Wie viele Antworten man wählen darf</translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation>&amp;Frage:</translation>
    </message>
    <message>
        <source>&amp;Answers (one a line):</source>
        <translation>An&amp;tworten (eine pro Zeile):</translation>
    </message>
    <message>
        <source>Answers one may &amp;choose:</source>
        <translation>Wie viele Antworten man &amp;wählen darf:</translation>
    </message>
    <message>
        <source>&amp;Start poll</source>
        <translation>Umfrage &amp;starten</translation>
    </message>
    <message>
        <source>Write the question.</source>
        <translation>Schreiben Sie die Frage.</translation>
    </message>
    <message>
        <source>Write between 2 and {most} answers, one a line.</source>
        <translation>Schreiben Sie 2 bis {most} Antworten, eine pro Zeile.</translation>
    </message>
</context>
<context>
    <name>PollView</name>
    <message numerus="yes">
        <source>%n vote(s)</source>
        <translation>
            <numerusform>%n Stimme</numerusform>
            <numerusform>%n Stimmen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n voter(s)</source>
        <translation>
            <numerusform>%n Person hat abgestimmt</numerusform>
            <numerusform>%n Personen haben abgestimmt</numerusform>
        </translation>
    </message>
    <message>
        <source>Poll ended, {voters}</source>
        <translation>Umfrage beendet, {voters}</translation>
    </message>
    <message>
        <source>Results will be shown when the poll ends</source>
        <translation>Die Ergebnisse werden gezeigt, wenn die Umfrage endet</translation>
    </message>
    <message>
        <source>Poll: {question}</source>
        <translation>Umfrage: {question}</translation>
    </message>
    <message>
        <source>your choice</source>
        <translation>Ihre Wahl</translation>
    </message>
    <message>
        <source>Choose up to {n} answers</source>
        <translation>Bis zu {n} Antworten wählen</translation>
    </message>
    <message>
        <source>Poll, {question}</source>
        <translation>Umfrage, {question}</translation>
    </message>
</context>
<context>
    <name>PresenceWords</name>
    <message>
        <source>active just now</source>
        <translation>gerade eben aktiv</translation>
    </message>
    <message numerus="yes">
        <source>last seen %n minute(s) ago</source>
        <translation>
            <numerusform>zuletzt gesehen vor %n Minute</numerusform>
            <numerusform>zuletzt gesehen vor %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>last seen %n hour(s) ago</source>
        <translation>
            <numerusform>zuletzt gesehen vor %n Stunde</numerusform>
            <numerusform>zuletzt gesehen vor %n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>last seen %n day(s) ago</source>
        <translation>
            <numerusform>zuletzt gesehen vor %n Tag</numerusform>
            <numerusform>zuletzt gesehen vor %n Tagen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemLabel</name>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>ProgressLine</name>
    <message>
        <source>{account}: {label} done</source>
        <translation>{account}: {label} fertig</translation>
    </message>
    <message>
        <source>{account}: {label} {done} of {total}</source>
        <translation>{account}: {label} {done} von {total}</translation>
    </message>
    <message>
        <source>{account}: {label} ({done})</source>
        <translation>{account}: {label} ({done})</translation>
    </message>
</context>
<context>
    <name>QuickSwitcher</name>
    <message>
        <source>Go to conversation</source>
        <translation>Zur Unterhaltung wechseln</translation>
    </message>
    <message>
        <source>{name}, direct</source>
        <translation>{name}, direkt</translation>
    </message>
    <message>
        <source>{name}, {account}</source>
        <translation>{name}, {account}</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n ungelesen</numerusform>
            <numerusform>%n ungelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>Conversation name</source>
        <translation>Name der Unterhaltung</translation>
    </message>
    <message>
        <source>Type part of a name…</source>
        <translation>Teil eines Namens eingeben …</translation>
    </message>
    <message>
        <source>Matching conversations</source>
        <translation>Passende Unterhaltungen</translation>
    </message>
    <message>
        <source>&amp;Go to:</source>
        <translation>&amp;Gehe zu:</translation>
    </message>
    <message numerus="yes">
        <source>%n conversation(s) found, first {entry}</source>
        <translation>
            <numerusform>%n Unterhaltung gefunden, zuerst {entry}</numerusform>
            <numerusform>%n Unterhaltungen gefunden, zuerst {entry}</numerusform>
        </translation>
    </message>
    <message>
        <source>No conversation found</source>
        <translation>Keine Unterhaltung gefunden</translation>
    </message>
</context>
<context>
    <name>RequestsPanel</name>
    <message>
        <source>Requests waiting for you</source>
        <translation>Anfragen, die auf Sie warten</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>{who} ({address}) wants to add you as a contact on {account}.</source>
        <translation>{who} ({address}) möchte Sie bei {account} als Kontakt hinzufügen.</translation>
    </message>
    <message>
        <source>They wrote: {message}</source>
        <translation>Nachricht dazu: {message}</translation>
    </message>
    <message>
        <source>{who} wants to verify your device on {account}, to trust each other&apos;s encrypted messages.</source>
        <translation>{who} möchte Ihr Gerät bei {account} verifizieren, damit Sie den verschlüsselten Nachrichten des anderen vertrauen können.</translation>
    </message>
    <message>
        <source>{who} wants to send you a file on {account}: {name}</source>
        <translation>{who} möchte Ihnen bei {account} eine Datei senden: {name}</translation>
    </message>
    <message>
        <source>Accept files from this person?</source>
        <translation>Dateien von dieser Person annehmen?</translation>
    </message>
    <message>
        <source>{inviter} invites you to {room} on {account}.</source>
        <translation>{inviter} lädt Sie bei {account} in {room} ein.</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Annehmen</translation>
    </message>
    <message>
        <source>Accept: {text}</source>
        <translation>Annehmen: {text}</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Blockieren</translation>
    </message>
    <message>
        <source>Block: {text}</source>
        <translation>Blockieren: {text}</translation>
    </message>
    <message>
        <source>Say no and block this person: nothing more from them.</source>
        <translation>Ablehnen und diese Person blockieren: nichts mehr von ihr.</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Decline: {text}</source>
        <translation>Ablehnen: {text}</translation>
    </message>
    <message numerus="yes">
        <source>Requests (%n)</source>
        <translation>
            <numerusform>Anfragen (%n)</numerusform>
            <numerusform>Anfragen (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoomDirectoryDialog</name>
    <message>
        <source>Browse rooms</source>
        <translation>Räume durchsuchen</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Search rooms</source>
        <translation>Räume suchen</translation>
    </message>
    <message>
        <source>Name or topic…</source>
        <translation>Name oder Thema …</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Suche leeren</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>&amp;Konto:</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>Suchstatus</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Räume</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>&amp;Betreten</translation>
    </message>
    <message>
        <source>Looking for accounts with a room directory…</source>
        <translation>Konten mit einem Raumverzeichnis werden gesucht …</translation>
    </message>
    <message>
        <source>None of your connected accounts has a room directory to browse.</source>
        <translation>Keines Ihrer verbundenen Konten hat ein Raumverzeichnis zum Durchsuchen.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft …</translation>
    </message>
    <message>
        <source>The room list could not be fetched.</source>
        <translation>Die Raumliste konnte nicht abgerufen werden.</translation>
    </message>
    <message numerus="yes">
        <source>%n room(s)</source>
        <translation>
            <numerusform>%n Raum</numerusform>
            <numerusform>%n Räume</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoomListModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message numerus="yes">
        <source>{name}, %n member(s)</source>
        <translation>
            <numerusform>{name}, %n Mitglied</numerusform>
            <numerusform>{name}, %n Mitglieder</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoomOptionsForm</name>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Room name</source>
        <translation>Raumname</translation>
    </message>
    <message>
        <source>Add&amp;ress:</source>
        <translation>Ad&amp;resse:</translation>
    </message>
    <message>
        <source>Room address (optional)</source>
        <translation>Raumadresse (optional)</translation>
    </message>
    <message>
        <source>Chosen from the name when left empty</source>
        <translation>Wird aus dem Namen gebildet, wenn leer</translation>
    </message>
    <message>
        <source>&amp;Topic:</source>
        <translation>&amp;Thema:</translation>
    </message>
    <message>
        <source>Topic or description</source>
        <translation>Thema oder Beschreibung</translation>
    </message>
    <message>
        <source>Who can join</source>
        <translation>Wer beitreten kann</translation>
    </message>
    <message>
        <source>&amp;Who can join:</source>
        <translation>&amp;Wer beitreten kann:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Room password (optional)</source>
        <translation>Raumpasswort (optional)</translation>
    </message>
    <message>
        <source>&amp;Keep the room when everyone has left</source>
        <translation>Den Raum &amp;behalten, wenn alle gegangen sind</translation>
    </message>
    <message>
        <source>&amp;Moderated: only people given a voice may write</source>
        <translation>&amp;Moderiert: Nur Personen mit Rederecht dürfen schreiben</translation>
    </message>
    <message>
        <source>&amp;End-to-end encrypted</source>
        <translation>Ende-zu-Ende-&amp;verschlüsselt</translation>
    </message>
    <message>
        <source>&amp;Invite:</source>
        <translation>&amp;Einladen:</translation>
    </message>
    <message>
        <source>People to invite, separated by commas</source>
        <translation>Einzuladende Personen, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Addresses, separated by commas</source>
        <translation>Adressen, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Anyone: listed in the room directory</source>
        <translation>Alle: im Raumverzeichnis aufgeführt</translation>
    </message>
    <message>
        <source>Anyone who knows the address</source>
        <translation>Alle, die die Adresse kennen</translation>
    </message>
    <message>
        <source>Only people who are invited</source>
        <translation>Nur eingeladene Personen</translation>
    </message>
    <message>
        <source>Invited people; others may ask to join</source>
        <translation>Eingeladene Personen; andere dürfen um Zutritt bitten</translation>
    </message>
</context>
<context>
    <name>RoomSettingsDialog</name>
    <message>
        <source>Settings of {room}</source>
        <translation>Einstellungen von {room}</translation>
    </message>
    <message>
        <source>Room settings</source>
        <translation>Raumeinstellungen</translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation>Änderungen &amp;speichern</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Änderungen speichern</translation>
    </message>
    <message>
        <source>C&amp;lose the room for everyone…</source>
        <translation>Den Raum für alle sch&amp;ließen …</translation>
    </message>
    <message>
        <source>Close the room for everyone</source>
        <translation>Den Raum für alle schließen</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Allgemein</translation>
    </message>
    <message>
        <source>People in the room</source>
        <translation>Personen im Raum</translation>
    </message>
    <message>
        <source>Role to give</source>
        <translation>Zu vergebende Rolle</translation>
    </message>
    <message>
        <source>Gi&amp;ve role</source>
        <translation>Rolle ver&amp;geben</translation>
    </message>
    <message>
        <source>Give the chosen role to the selected person</source>
        <translation>Der gewählten Person die gewählte Rolle geben</translation>
    </message>
    <message>
        <source>&amp;People:</source>
        <translation>&amp;Personen:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>Pe&amp;ople and roles</source>
        <translation>Personen und R&amp;ollen</translation>
    </message>
    <message>
        <source>Banned</source>
        <translation>Verbannt</translation>
    </message>
    <message>
        <source>Address or mask to ban</source>
        <translation>Zu verbannende Adresse oder Maske</translation>
    </message>
    <message>
        <source>An address, or a mask such as *!*@spam.example</source>
        <translation>Eine Adresse oder eine Maske wie *!*@spam.example</translation>
    </message>
    <message>
        <source>&amp;Ban</source>
        <translation>&amp;Verbannen</translation>
    </message>
    <message>
        <source>Ban this address or mask</source>
        <translation>Diese Adresse oder Maske verbannen</translation>
    </message>
    <message>
        <source>Lift the ba&amp;n</source>
        <translation>Verbannung auf&amp;heben</translation>
    </message>
    <message>
        <source>Lift the selected ban</source>
        <translation>Die gewählte Verbannung aufheben</translation>
    </message>
    <message>
        <source>Banned from the room:</source>
        <translation>Aus dem Raum verbannt:</translation>
    </message>
    <message>
        <source>&amp;Address or mask:</source>
        <translation>Adresse oder &amp;Maske:</translation>
    </message>
    <message>
        <source>&amp;Bans</source>
        <translation>Ver&amp;bannungen</translation>
    </message>
    <message>
        <source>Reading the room&apos;s settings…</source>
        <translation>Die Einstellungen des Raums werden gelesen …</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>The settings could not be read.</source>
        <translation>Die Einstellungen konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>You may change this room&apos;s settings.</source>
        <translation>Sie dürfen die Einstellungen dieses Raums ändern.</translation>
    </message>
    <message>
        <source>Only the room&apos;s owners may change its settings.</source>
        <translation>Nur die Eigentümer des Raums dürfen seine Einstellungen ändern.</translation>
    </message>
    <message>
        <source>(by {who})</source>
        <translation>(von {who})</translation>
    </message>
    <message>
        <source>Nobody is banned.</source>
        <translation>Niemand ist verbannt.</translation>
    </message>
    <message>
        <source>The room&apos;s settings were saved.</source>
        <translation>Die Einstellungen des Raums wurden gespeichert.</translation>
    </message>
    <message>
        <source>Choose a person in the list first.</source>
        <translation>Wählen Sie zuerst eine Person in der Liste.</translation>
    </message>
    <message>
        <source>{who} is now {role}.</source>
        <translation>{who} ist jetzt {role}.</translation>
    </message>
    <message>
        <source>Type an address or a mask to ban.</source>
        <translation>Geben Sie eine Adresse oder Maske zum Verbannen ein.</translation>
    </message>
    <message>
        <source>{who} is banned.</source>
        <translation>{who} ist verbannt.</translation>
    </message>
    <message>
        <source>Choose a ban in the list first.</source>
        <translation>Wählen Sie zuerst eine Verbannung in der Liste.</translation>
    </message>
    <message>
        <source>The ban on {who} was lifted.</source>
        <translation>Die Verbannung von {who} wurde aufgehoben.</translation>
    </message>
    <message>
        <source>Close the room</source>
        <translation>Den Raum schließen</translation>
    </message>
    <message>
        <source>Close this room for everyone? Everybody in it is removed, and it cannot be joined again.</source>
        <translation>Diesen Raum für alle schließen? Alle darin werden entfernt, und er kann nicht wieder betreten werden.</translation>
    </message>
    <message>
        <source>Close the &amp;room</source>
        <translation>Den &amp;Raum schließen</translation>
    </message>
    <message>
        <source>The room was closed.</source>
        <translation>Der Raum wurde geschlossen.</translation>
    </message>
    <message>
        <source>That did not work.</source>
        <translation>Das hat nicht geklappt.</translation>
    </message>
</context>
<context>
    <name>ScreenReaderOffer</name>
    <message>
        <source>Screen-reader mode</source>
        <translation>Bildschirmleser-Modus</translation>
    </message>
    <message>
        <source>A screen reader is running. Chinwag has a mode for it: the keyboard starts in the conversation list, message times are read only when you ask (Ctrl+T), and nothing is animated. You can change this later in Settings.</source>
        <translation>Ein Bildschirmleser läuft. Chinwag hat einen Modus dafür: Die Tastatur beginnt in der Unterhaltungsliste, Nachrichtenzeiten werden nur auf Wunsch vorgelesen (Strg+T), und nichts ist animiert. Sie können das später in den Einstellungen ändern.</translation>
    </message>
    <message>
        <source>&amp;Turn on screen-reader mode</source>
        <translation>Bildschirmleser-Modus &amp;einschalten</translation>
    </message>
    <message>
        <source>Turn on screen-reader mode</source>
        <translation>Bildschirmleser-Modus einschalten</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>&amp;Nicht jetzt</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Nicht jetzt</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Search all accounts</source>
        <translation>Alle Konten durchsuchen</translation>
    </message>
    <message>
        <source>Search in {name}</source>
        <translation>In {name} suchen</translation>
    </message>
    <message>
        <source>Search for</source>
        <translation>Suchen nach</translation>
    </message>
    <message>
        <source>Words to find…</source>
        <translation>Zu findende Wörter …</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Suche leeren</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>Suchstatus</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft …</translation>
    </message>
    <message>
        <source>The search failed.</source>
        <translation>Die Suche ist fehlgeschlagen.</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n Ergebnis</numerusform>
            <numerusform>%n Ergebnisse</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>{sender} in {where}, {account}, {when}. {body}</source>
        <translation>{sender} in {where}, {account}, {when}. {body}</translation>
    </message>
</context>
<context>
    <name>SecureStorageDialog</name>
    <message>
        <source>Set up secure storage</source>
        <translation>Sicheren Speicher einrichten</translation>
    </message>
    <message>
        <source>Secure storage keeps your cross-signing keys and the key of your message backup on the server, encrypted. A new device (Chinwag, Element or another app) opens it to read your old encrypted messages and to take over your verified identity.</source>
        <translation>Der sichere Speicher bewahrt Ihre Quersignierungsschlüssel und den Schlüssel Ihrer Nachrichtensicherung verschlüsselt auf dem Server auf. Ein neues Gerät (Chinwag, Element oder eine andere App) öffnet ihn, um Ihre alten verschlüsselten Nachrichten zu lesen und Ihre verifizierte Identität zu übernehmen.</translation>
    </message>
    <message>
        <source>How do you want to open it?</source>
        <translation>Wie möchten Sie ihn öffnen?</translation>
    </message>
    <message>
        <source>&amp;Generate a recovery key</source>
        <translation>Wiederherstellungsschlüssel &amp;erzeugen</translation>
    </message>
    <message>
        <source>Generate a recovery key</source>
        <translation>Wiederherstellungsschlüssel erzeugen</translation>
    </message>
    <message>
        <source>Recommended: a key to keep in a password manager</source>
        <translation>Empfohlen: ein Schlüssel für Ihren Passwortmanager</translation>
    </message>
    <message>
        <source>&amp;Use a passphrase</source>
        <translation>&amp;Passphrase verwenden</translation>
    </message>
    <message>
        <source>Use a passphrase</source>
        <translation>Passphrase verwenden</translation>
    </message>
    <message>
        <source>A recovery key is made as well, in case you forget the passphrase</source>
        <translation>Zusätzlich wird ein Wiederherstellungsschlüssel erzeugt, falls Sie die Passphrase vergessen</translation>
    </message>
    <message>
        <source>At least {count} characters.</source>
        <translation>Mindestens {count} Zeichen.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Repeat passphrase</source>
        <translation>Passphrase wiederholen</translation>
    </message>
    <message>
        <source>P&amp;assphrase:</source>
        <translation>P&amp;assphrase:</translation>
    </message>
    <message>
        <source>&amp;Repeat passphrase:</source>
        <translation>Passphrase &amp;wiederholen:</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>&amp;Set up</source>
        <translation>Ein&amp;richten</translation>
    </message>
    <message>
        <source>Setting up secure storage; deriving a key from a passphrase takes a moment…</source>
        <translation>Sicherer Speicher wird eingerichtet; einen Schlüssel aus einer Passphrase abzuleiten dauert einen Moment …</translation>
    </message>
    <message>
        <source>Setting up secure storage…</source>
        <translation>Sicherer Speicher wird eingerichtet …</translation>
    </message>
    <message>
        <source>The two passphrases differ: type the same passphrase in both fields.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein: Geben Sie in beiden Feldern dieselbe Passphrase ein.</translation>
    </message>
    <message>
        <source>Secure storage could not be set up.</source>
        <translation>Der sichere Speicher konnte nicht eingerichtet werden.</translation>
    </message>
</context>
<context>
    <name>Service</name>
    <message>
        <source>XMPP</source>
        <translation>XMPP</translation>
    </message>
    <message>
        <source>Matrix</source>
        <translation>Matrix</translation>
    </message>
    <message>
        <source>IRC</source>
        <translation>IRC</translation>
    </message>
    <message>
        <source>{service}, {server}</source>
        <translation>{service}, {server}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Hoher Kontrast</translation>
    </message>
    <message>
        <source>Text size in percent</source>
        <translation>Textgröße in Prozent</translation>
    </message>
    <message>
        <source>Show desktop notifications</source>
        <translation>Desktop-Benachrichtigungen anzeigen</translation>
    </message>
    <message>
        <source>Words that count as a mention</source>
        <translation>Wörter, die als Erwähnung zählen</translation>
    </message>
    <message>
        <source>Separated by commas. A message holding one of them as a word counts as mentioning you, like your name: it is highlighted and notifies you.</source>
        <translation>Durch Kommas getrennt. Eine Nachricht, die eines davon als Wort enthält, zählt wie Ihr Name als Erwähnung: Sie wird hervorgehoben und benachrichtigt Sie.</translation>
    </message>
    <message>
        <source>e.g. release, Chinwag</source>
        <translation>z.&#xa0;B. Release, Chinwag</translation>
    </message>
    <message>
        <source>Keep running in the background when the window is closed</source>
        <translation>Im Hintergrund weiterlaufen, wenn das Fenster geschlossen wird</translation>
    </message>
    <message>
        <source>This desktop has no system tray, so closing the window quits Chinwag.</source>
        <translation>Diese Arbeitsumgebung hat keinen Systembereich in der Kontrollleiste, daher beendet das Schließen des Fensters Chinwag.</translation>
    </message>
    <message>
        <source>Check spelling while I type</source>
        <translation>Rechtschreibung beim Schreiben prüfen</translation>
    </message>
    <message>
        <source>Load images from the network</source>
        <translation>Bilder aus dem Netz laden</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>When I ask</source>
        <translation>Auf Nachfrage</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>Immer</translation>
    </message>
    <message>
        <source>Let others see when I am typing</source>
        <translation>Andere sehen lassen, wenn ich schreibe</translation>
    </message>
    <message>
        <source>Send read receipts</source>
        <translation>Lesebestätigungen senden</translation>
    </message>
    <message>
        <source>Accept new private conversations only from contacts</source>
        <translation>Neue private Unterhaltungen nur von Kontakten annehmen</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Design:</translation>
    </message>
    <message>
        <source>Text si&amp;ze:</source>
        <translation>Text&amp;größe:</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Datenschutz</translation>
    </message>
    <message>
        <source>&amp;Images:</source>
        <translation>&amp;Bilder:</translation>
    </message>
    <message>
        <source>Show previews of web links</source>
        <translation>Vorschauen von Weblinks anzeigen</translation>
    </message>
    <message>
        <source>Your server fetches each linked page for you (the site never sees your address). Never in end-to-end encrypted conversations.</source>
        <translation>Ihr Server ruft jede verlinkte Seite für Sie ab (die Website sieht Ihre Adresse nie). Nie in Ende-zu-Ende-verschlüsselten Unterhaltungen.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Also &amp;mention me for:</source>
        <translation>Auch &amp;erwähnen bei:</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Einstellungsseiten</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Allgemein</translation>
    </message>
    <message>
        <source>A&amp;ccessibility</source>
        <translation>Barrie&amp;refreiheit</translation>
    </message>
    <message>
        <source>Start Chinwag when I log in</source>
        <translation>Chinwag bei der Anmeldung starten</translation>
    </message>
    <message>
        <source>Chinwag starts with its window hidden in the system tray, where there is one.</source>
        <translation>Chinwag startet mit verborgenem Fenster im Systembereich der Kontrollleiste, sofern es einen gibt.</translation>
    </message>
    <message>
        <source>Could not change the start at login: {error}</source>
        <translation>Der Start bei der Anmeldung konnte nicht geändert werden: {error}</translation>
    </message>
    <message>
        <source>That did not work.</source>
        <translation>Das hat nicht geklappt.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Strg+K</translation>
    </message>
    <message>
        <source>go to a conversation by name</source>
        <translation>zu einer Unterhaltung nach Namen wechseln</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Strg+I</translation>
    </message>
    <message>
        <source>activity of every account, mentions and requests</source>
        <translation>Aktivität aller Konten, Erwähnungen und Anfragen</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Strg+Q</translation>
    </message>
    <message>
        <source>quit (closing the window may keep Chinwag in the tray)</source>
        <translation>beenden (das Schließen des Fensters kann Chinwag im Systembereich weiterlaufen lassen)</translation>
    </message>
    <message>
        <source>F6, Shift+F6</source>
        <translation>F6, Umschalt+F6</translation>
    </message>
    <message>
        <source>next or previous region</source>
        <translation>nächster oder vorheriger Bereich</translation>
    </message>
    <message>
        <source>Alt+Up, Alt+Down</source>
        <translation>Alt+Pfeil hoch, Alt+Pfeil runter</translation>
    </message>
    <message>
        <source>previous or next conversation</source>
        <translation>vorherige oder nächste Unterhaltung</translation>
    </message>
    <message>
        <source>Alt+Shift+Up, Alt+Shift+Down</source>
        <translation>Alt+Umschalt+Pfeil hoch, Alt+Umschalt+Pfeil runter</translation>
    </message>
    <message>
        <source>previous or next unread</source>
        <translation>vorherige oder nächste ungelesene</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Strg+L</translation>
    </message>
    <message>
        <source>write a message</source>
        <translation>eine Nachricht schreiben</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>in the message field, send</source>
        <translation>im Nachrichtenfeld: senden</translation>
    </message>
    <message>
        <source>Shift+Enter</source>
        <translation>Umschalt+Eingabe</translation>
    </message>
    <message>
        <source>in the message field, a new line</source>
        <translation>im Nachrichtenfeld: eine neue Zeile</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Pfeil hoch</translation>
    </message>
    <message>
        <source>in an empty message field, edit your last message</source>
        <translation>in einem leeren Nachrichtenfeld: Ihre letzte Nachricht bearbeiten</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>in the message field, complete a name</source>
        <translation>im Nachrichtenfeld: einen Namen vervollständigen</translation>
    </message>
    <message>
        <source>Ctrl+;</source>
        <translation>Strg+;</translation>
    </message>
    <message>
        <source>in the message field, insert an emoji</source>
        <translation>im Nachrichtenfeld: ein Emoji einfügen</translation>
    </message>
    <message>
        <source>in the message field, spelling suggestions and language</source>
        <translation>im Nachrichtenfeld: Rechtschreibvorschläge und Sprache</translation>
    </message>
    <message>
        <source>Escape</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>from the message field, to the messages</source>
        <translation>vom Nachrichtenfeld zu den Nachrichten</translation>
    </message>
    <message>
        <source>Up, Down</source>
        <translation>Pfeil hoch, Pfeil runter</translation>
    </message>
    <message>
        <source>in the messages, one message at a time</source>
        <translation>in den Nachrichten: eine Nachricht nach der anderen</translation>
    </message>
    <message>
        <source>Home, End</source>
        <translation>Pos1, Ende</translation>
    </message>
    <message>
        <source>in the messages, the first loaded and the newest</source>
        <translation>in den Nachrichten: die erste geladene und die neueste</translation>
    </message>
    <message>
        <source>on a message, open its attachment or link</source>
        <translation>auf einer Nachricht: ihren Anhang oder Link öffnen</translation>
    </message>
    <message>
        <source>Menu key, Shift+F10</source>
        <translation>Menütaste, Umschalt+F10</translation>
    </message>
    <message>
        <source>on a message, all it offers</source>
        <translation>auf einer Nachricht: alles, was sie bietet</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Strg+R</translation>
    </message>
    <message>
        <source>on a message, reply</source>
        <translation>auf einer Nachricht: antworten</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Strg+Umschalt+R</translation>
    </message>
    <message>
        <source>on a message, react</source>
        <translation>auf einer Nachricht: reagieren</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Strg+E</translation>
    </message>
    <message>
        <source>on your message, edit</source>
        <translation>auf Ihrer Nachricht: bearbeiten</translation>
    </message>
    <message>
        <source>Ctrl+C</source>
        <translation>Strg+C</translation>
    </message>
    <message>
        <source>on a message, copy its text</source>
        <translation>auf einer Nachricht: ihren Text kopieren</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Entf</translation>
    </message>
    <message>
        <source>on your message, delete it for everyone</source>
        <translation>auf Ihrer Nachricht: für alle löschen</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Strg+T</translation>
    </message>
    <message>
        <source>on a message, say when it was sent</source>
        <translation>auf einer Nachricht: ansagen, wann sie gesendet wurde</translation>
    </message>
    <message>
        <source>Ctrl+End</source>
        <translation>Strg+Ende</translation>
    </message>
    <message>
        <source>jump to the latest messages</source>
        <translation>zu den neuesten Nachrichten springen</translation>
    </message>
    <message>
        <source>Ctrl+F, Ctrl+Shift+F</source>
        <translation>Strg+F, Strg+Umschalt+F</translation>
    </message>
    <message>
        <source>search here, search everywhere</source>
        <translation>hier suchen, überall suchen</translation>
    </message>
    <message>
        <source>{keys}, {what}</source>
        <translation>{keys}, {what}</translation>
    </message>
    <message>
        <source>&amp;Keys:</source>
        <translation>&amp;Tasten:</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Filter conversations</source>
        <translation>Unterhaltungen filtern</translation>
    </message>
    <message>
        <source>Down goes to the list</source>
        <translation>Pfeil nach unten springt in die Liste</translation>
    </message>
    <message>
        <source>Filter conversations…</source>
        <translation>Unterhaltungen filtern …</translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>Filter leeren</translation>
    </message>
    <message>
        <source>Accounts and conversations</source>
        <translation>Konten und Unterhaltungen</translation>
    </message>
    <message>
        <source>Co&amp;nversations</source>
        <translation>Unterhaltun&amp;gen</translation>
    </message>
</context>
<context>
    <name>SidebarDelegate</name>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
</context>
<context>
    <name>SidebarModel</name>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>verbindet …</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>reconnecting…</source>
        <translation>verbindet erneut …</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation>braucht Aufmerksamkeit</translation>
    </message>
    <message>
        <source>Draft: {text}</source>
        <translation>Entwurf: {text}</translation>
    </message>
    <message>
        <source>group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>direkt</translation>
    </message>
    <message>
        <source>{kind} conversation on {service}, account {account}</source>
        <translation>Unterhaltung ({kind}) bei {service}, Konto {account}</translation>
    </message>
    <message>
        <source>{name}, {service} account at {server}, {state}</source>
        <translation>{name}, {service}-Konto bei {server}, {state}</translation>
    </message>
    <message>
        <source>{name}, {service} account, {state}</source>
        <translation>{name}, {service}-Konto, {state}</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n ungelesen</numerusform>
            <numerusform>%n ungelesen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mentioning you</source>
        <translation>
            <numerusform>%n Erwähnung</numerusform>
            <numerusform>%n Erwähnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>unsent draft</source>
        <translation>ungesendeter Entwurf</translation>
    </message>
</context>
<context>
    <name>SignUpPage</name>
    <message>
        <source>What the server asks</source>
        <translation>Was der Server fragt</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Read it</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>Read: {label}</source>
        <translation>Lesen: {label}</translation>
    </message>
    <message>
        <source>Open the server&apos;s page in the browser</source>
        <translation>Die Seite des Servers im Browser öffnen</translation>
    </message>
</context>
<context>
    <name>SignedInDialog</name>
    <message>
        <source>Sessions of {account}</source>
        <translation>Sitzungen von {account}</translation>
    </message>
    <message>
        <source>Sessions where this account is signed in</source>
        <translation>Sitzungen, in denen dieses Konto angemeldet ist</translation>
    </message>
    <message>
        <source>&amp;Signed in on:</source>
        <translation>&amp;Angemeldet auf:</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Umbenennen …</translation>
    </message>
    <message>
        <source>Rename the selected session</source>
        <translation>Die ausgewählte Sitzung umbenennen</translation>
    </message>
    <message>
        <source>Sign &amp;out…</source>
        <translation>Ab&amp;melden …</translation>
    </message>
    <message>
        <source>Sign out the selected sessions</source>
        <translation>Die ausgewählten Sitzungen abmelden</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>Refresh the list of sessions</source>
        <translation>Die Liste der Sitzungen neu laden</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Unnamed session</source>
        <translation>Unbenannte Sitzung</translation>
    </message>
    <message>
        <source>{name} (this session)</source>
        <translation>{name} (diese Sitzung)</translation>
    </message>
    <message>
        <source>last seen {when}</source>
        <translation>zuletzt gesehen {when}</translation>
    </message>
    <message>
        <source>from {address}</source>
        <translation>von {address}</translation>
    </message>
    <message>
        <source>Choose one session to rename.</source>
        <translation>Wählen Sie eine Sitzung zum Umbenennen.</translation>
    </message>
    <message>
        <source>Rename session</source>
        <translation>Sitzung umbenennen</translation>
    </message>
    <message>
        <source>Name of this session, as your other apps list it:</source>
        <translation>Name dieser Sitzung, wie Ihre anderen Apps sie anzeigen:</translation>
    </message>
    <message>
        <source>Choose other sessions than this one: removing the account signs it out.</source>
        <translation>Wählen Sie andere Sitzungen als diese: Diese wird durch Entfernen des Kontos abgemeldet.</translation>
    </message>
    <message>
        <source>Sign out sessions</source>
        <translation>Sitzungen abmelden</translation>
    </message>
    <message numerus="yes">
        <source>Sign out %n session(s)? They can no longer read or send messages until they sign in again; encrypted messages they alone hold the keys to are lost to them.</source>
        <translation>
            <numerusform>%n Sitzung abmelden? Sie kann keine Nachrichten mehr lesen oder senden, bis sie sich neu anmeldet; verschlüsselte Nachrichten, deren Schlüssel nur sie hat, gehen für sie verloren.</numerusform>
            <numerusform>%n Sitzungen abmelden? Sie können keine Nachrichten mehr lesen oder senden, bis sie sich neu anmelden; verschlüsselte Nachrichten, deren Schlüssel nur sie haben, gehen für sie verloren.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
</context>
<context>
    <name>SpaceFilter</name>
    <message>
        <source>Space</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>Shows only the conversations of one space and its sub-spaces.</source>
        <translation>Zeigt nur die Unterhaltungen eines Space und seiner Unter-Spaces.</translation>
    </message>
    <message>
        <source>Rooms…</source>
        <translation>Räume …</translation>
    </message>
    <message>
        <source>Rooms in this space</source>
        <translation>Räume in diesem Space</translation>
    </message>
    <message>
        <source>Rooms in this space, to join</source>
        <translation>Räume in diesem Space, zum Betreten</translation>
    </message>
    <message>
        <source>All conversations</source>
        <translation>Alle Unterhaltungen</translation>
    </message>
    <message numerus="yes">
        <source>{name} — %n unread, mentions you</source>
        <translation>
            <numerusform>{name} — %n ungelesen, erwähnt Sie</numerusform>
            <numerusform>{name} — %n ungelesen, erwähnt Sie</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name} — %n unread</source>
        <translation>
            <numerusform>{name} — %n ungelesen</numerusform>
            <numerusform>{name} — %n ungelesen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SpaceRoomsDialog</name>
    <message>
        <source>Rooms in {space}</source>
        <translation>Räume in {space}</translation>
    </message>
    <message>
        <source>Loading the rooms of the space…</source>
        <translation>Die Räume des Space werden geladen …</translation>
    </message>
    <message>
        <source>Rooms in the space</source>
        <translation>Räume im Space</translation>
    </message>
    <message>
        <source>&amp;Rooms</source>
        <translation>&amp;Räume</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>&amp;Betreten</translation>
    </message>
    <message>
        <source>The rooms could not be listed: {error}</source>
        <translation>Die Räume konnten nicht aufgelistet werden: {error}</translation>
    </message>
    <message numerus="yes">
        <source>The space holds more rooms than can be listed; here are the first %n.</source>
        <translation>
            <numerusform>Der Space enthält mehr Räume, als aufgelistet werden können; hier ist %n davon.</numerusform>
            <numerusform>Der Space enthält mehr Räume, als aufgelistet werden können; hier sind die ersten %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n room(s) in this space.</source>
        <translation>
            <numerusform>%n Raum in diesem Space.</numerusform>
            <numerusform>%n Räume in diesem Space.</numerusform>
        </translation>
    </message>
    <message>
        <source>This space holds no rooms you can see.</source>
        <translation>Dieser Space enthält keine Räume, die Sie sehen können.</translation>
    </message>
    <message>
        <source>(space)</source>
        <translation>(Space)</translation>
    </message>
    <message>
        <source>— joined</source>
        <translation>— beigetreten</translation>
    </message>
    <message>
        <source>sub-space</source>
        <translation>Unter-Space</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n Mitglied</numerusform>
            <numerusform>%n Mitglieder</numerusform>
        </translation>
    </message>
    <message>
        <source>joined</source>
        <translation>beigetreten</translation>
    </message>
    <message>
        <source>not joined</source>
        <translation>nicht beigetreten</translation>
    </message>
    <message>
        <source>Joining {name}…</source>
        <translation>{name} wird betreten …</translation>
    </message>
    <message>
        <source>You joined {name}.</source>
        <translation>Sie sind {name} beigetreten.</translation>
    </message>
    <message>
        <source>{name} could not be joined: {reason}</source>
        <translation>{name} konnte nicht betreten werden: {reason}</translation>
    </message>
</context>
<context>
    <name>Spoilers</name>
    <message>
        <source>Spoiler: {reason}</source>
        <translation>Spoiler: {reason}</translation>
    </message>
    <message>
        <source>Spoiler</source>
        <translation>Spoiler</translation>
    </message>
</context>
<context>
    <name>SsoProviders</name>
    <message>
        <source>Sign in through a web page</source>
        <translation>Über eine Webseite anmelden</translation>
    </message>
    <message>
        <source>Sign in through your organisation&apos;s page:</source>
        <translation>Über die Seite Ihrer Organisation anmelden:</translation>
    </message>
    <message>
        <source>This server signs you in through a web page:</source>
        <translation>Dieser Server meldet Sie über eine Webseite an:</translation>
    </message>
    <message>
        <source>Sign in with {name}</source>
        <translation>Mit {name} anmelden</translation>
    </message>
    <message>
        <source>Opens your web browser; come back here when you are signed in.</source>
        <translation>Öffnet Ihren Webbrowser; kommen Sie hierher zurück, wenn Sie angemeldet sind.</translation>
    </message>
</context>
<context>
    <name>ThreadPanel</name>
    <message>
        <source>Thread</source>
        <translation>Thread</translation>
    </message>
    <message>
        <source>Close thread</source>
        <translation>Thread schließen</translation>
    </message>
    <message>
        <source>Close the thread</source>
        <translation>Den Thread schließen</translation>
    </message>
    <message>
        <source>Messages of the thread</source>
        <translation>Nachrichten des Threads</translation>
    </message>
    <message>
        <source>Answer in the thread</source>
        <translation>Im Thread antworten</translation>
    </message>
    <message>
        <source>Answer in the thread…</source>
        <translation>Im Thread antworten …</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>Anhängen …</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Send in the thread</source>
        <translation>Im Thread senden</translation>
    </message>
    <message>
        <source>Emoji…</source>
        <translation>Emoji …</translation>
    </message>
    <message>
        <source>Thread started by {who}</source>
        <translation>Thread begonnen von {who}</translation>
    </message>
    <message>
        <source>Thread started by {who}: {text}</source>
        <translation>Thread begonnen von {who}: {text}</translation>
    </message>
    <message>
        <source>The answer could not be sent.</source>
        <translation>Die Antwort konnte nicht gesendet werden.</translation>
    </message>
    <message>
        <source>Loading the thread…</source>
        <translation>Der Thread wird geladen …</translation>
    </message>
</context>
<context>
    <name>TrayStatus</name>
    <message>
        <source>Chinwag</source>
        <translation>Chinwag</translation>
    </message>
    <message numerus="yes">
        <source>Chinwag — %n unread</source>
        <translation>
            <numerusform>Chinwag — %n ungelesen</numerusform>
            <numerusform>Chinwag — %n ungelesen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UriHandler</name>
    <message>
        <source>This link cannot be opened: {problem} ({uri})</source>
        <translation>Dieser Link kann nicht geöffnet werden: {problem} ({uri})</translation>
    </message>
    <message>
        <source>You already have an account on {server}: “{account}”.</source>
        <translation>Sie haben bereits ein Konto bei {server}: „{account}“.</translation>
    </message>
    <message>
        <source>{address} opens once “{account}” is connected.</source>
        <translation>{address} wird geöffnet, sobald „{account}“ verbunden ist.</translation>
    </message>
    <message>
        <source>“{account}” is not connected, so {address} cannot be opened. Enable or edit the account in the Accounts menu, then open the link again.</source>
        <translation>„{account}“ ist nicht verbunden, daher kann {address} nicht geöffnet werden. Aktivieren oder bearbeiten Sie das Konto im Menü Konten und öffnen Sie den Link dann erneut.</translation>
    </message>
    <message>
        <source>The link could not be opened: {reason}</source>
        <translation>Der Link konnte nicht geöffnet werden: {reason}</translation>
    </message>
    <message>
        <source>that did not work</source>
        <translation>das hat nicht geklappt</translation>
    </message>
    <message>
        <source>You have no IRC account on {server} to open {uri}. Add one: the link opens once it is added.</source>
        <translation>Sie haben kein IRC-Konto bei {server}, um {uri} zu öffnen. Fügen Sie eines hinzu: Der Link öffnet sich, sobald es hinzugefügt ist.</translation>
    </message>
    <message>
        <source>You have no {protocol} account to open {uri}. Add one: the link opens once it is added.</source>
        <translation>Sie haben kein {protocol}-Konto, um {uri} zu öffnen. Fügen Sie eines hinzu: Der Link öffnet sich, sobald es hinzugefügt ist.</translation>
    </message>
    <message>
        <source>the link is empty</source>
        <translation>der Link ist leer</translation>
    </message>
    <message>
        <source>the link is too long</source>
        <translation>der Link ist zu lang</translation>
    </message>
    <message>
        <source>Chinwag opens xmpp:, matrix:, irc: and ircs: links</source>
        <translation>Chinwag öffnet xmpp:-, matrix:-, irc:- und ircs:-Links</translation>
    </message>
    <message>
        <source>the link is malformed</source>
        <translation>der Link ist fehlerhaft</translation>
    </message>
    <message>
        <source>it names no person, room or server</source>
        <translation>er nennt keine Person, keinen Raum und keinen Server</translation>
    </message>
    <message>
        <source>the address in it is not valid</source>
        <translation>die Adresse darin ist ungültig</translation>
    </message>
    <message>
        <source>the port in it is not valid</source>
        <translation>der Port darin ist ungültig</translation>
    </message>
    <message>
        <source>this kind of link is not supported</source>
        <translation>diese Art von Link wird nicht unterstützt</translation>
    </message>
</context>
<context>
    <name>Verbosity</name>
    <message>
        <source>Sender</source>
        <translation>Absender</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Message replied to</source>
        <translation>Beantwortete Nachricht</translation>
    </message>
    <message>
        <source>Reactions</source>
        <translation>Reaktionen</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <source>Delivery state</source>
        <translation>Zustellstatus</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Bearbeitet</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Verschlüsselung</translation>
    </message>
    <message>
        <source>Thread</source>
        <translation>Thread</translation>
    </message>
    <message>
        <source>Link preview</source>
        <translation>Linkvorschau</translation>
    </message>
</context>
<context>
    <name>VerificationDialog</name>
    <message>
        <source>Verify {who}</source>
        <translation>{who} verifizieren</translation>
    </message>
    <message>
        <source>Verification status</source>
        <translation>Verifizierungsstatus</translation>
    </message>
    <message>
        <source>They &amp;match</source>
        <translation>Sie &amp;stimmen überein</translation>
    </message>
    <message>
        <source>The emojis match</source>
        <translation>Die Emojis stimmen überein</translation>
    </message>
    <message>
        <source>They do&amp;n&apos;t match</source>
        <translation>Sie stimmen &amp;nicht überein</translation>
    </message>
    <message>
        <source>The emojis do not match</source>
        <translation>Die Emojis stimmen nicht überein</translation>
    </message>
    <message>
        <source>Cancel verification</source>
        <translation>Verifizierung abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Waiting for {who} to accept on their device…</source>
        <translation>Warten, bis {who} auf dem eigenen Gerät annimmt …</translation>
    </message>
    <message>
        <source>Both sides agreed. Preparing the emojis…</source>
        <translation>Beide Seiten sind einverstanden. Die Emojis werden vorbereitet …</translation>
    </message>
    <message>
        <source>Compare these emojis with the ones {who} sees, in the same order. Only confirm if they are identical.</source>
        <translation>Vergleichen Sie diese Emojis mit denen, die {who} sieht, in derselben Reihenfolge. Bestätigen Sie nur, wenn sie genau gleich sind.</translation>
    </message>
    <message>
        <source>{who}&apos;s device is verified. Messages from it are now trusted.</source>
        <translation>Das Gerät von {who} ist verifiziert. Seinen Nachrichten wird jetzt vertraut.</translation>
    </message>
    <message>
        <source>The verification was stopped: {reason}</source>
        <translation>Die Verifizierung wurde beendet: {reason}</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>kein Grund angegeben</translation>
    </message>
    <message>
        <source>Emojis: {names}</source>
        <translation>Emojis: {names}</translation>
    </message>
</context>
<context>
    <name>VideoPlayer</name>
    <message>
        <source>Position in {title}</source>
        <translation>Position in {title}</translation>
    </message>
    <message>
        <source>Larger</source>
        <translation>Größer</translation>
    </message>
    <message>
        <source>Open the video larger</source>
        <translation>Das Video größer öffnen</translation>
    </message>
    <message>
        <source>Pause video</source>
        <translation>Video anhalten</translation>
    </message>
    <message>
        <source>Play video</source>
        <translation>Video abspielen</translation>
    </message>
    <message>
        <source>Cannot play: {reason}</source>
        <translation>Kann nicht abgespielt werden: {reason}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
</context>
<context>
    <name>VoiceMessageControl</name>
    <message>
        <source>Voice messa&amp;ge…</source>
        <translation>Sprachnachricht (&amp;g)…</translation>
    </message>
    <message>
        <source>Record a voice message</source>
        <translation>Eine Sprachnachricht aufnehmen</translation>
    </message>
    <message>
        <source>Recording time</source>
        <translation>Aufnahmedauer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the voice message</source>
        <translation>Die Sprachnachricht verwerfen</translation>
    </message>
    <message>
        <source>Send voice message</source>
        <translation>Sprachnachricht senden</translation>
    </message>
    <message>
        <source>Send the voice message</source>
        <translation>Die Sprachnachricht senden</translation>
    </message>
    <message>
        <source>Preparing the voice message…</source>
        <translation>Die Sprachnachricht wird vorbereitet…</translation>
    </message>
    <message>
        <source>● Recording {time}</source>
        <translation>● Aufnahme {time}</translation>
    </message>
    <message>
        <source>The voice message was not sent ({why}); the recording is kept in {path}</source>
        <translation>Die Sprachnachricht wurde nicht gesendet ({why}); die Aufnahme liegt in {path}</translation>
    </message>
    <message>
        <source>The voice message was not recorded: {reason}</source>
        <translation>Die Sprachnachricht wurde nicht aufgenommen: {reason}</translation>
    </message>
</context>
<context>
    <name>VoiceRecorder</name>
    <message>
        <source>Recording needs QtMultimedia (PySide6-Addons), which is not installed</source>
        <translation>Zum Aufnehmen wird QtMultimedia (PySide6-Addons) gebraucht, das nicht installiert ist</translation>
    </message>
    <message>
        <source>No microphone was found</source>
        <translation>Es wurde kein Mikrofon gefunden</translation>
    </message>
    <message>
        <source>Nothing was recorded.</source>
        <translation>Es wurde nichts aufgenommen.</translation>
    </message>
    <message>
        <source>Recording failed.</source>
        <translation>Die Aufnahme ist fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>&amp;Chinwag</source>
        <translation>&amp;Chinwag</translation>
    </message>
    <message>
        <source>&amp;Add account…</source>
        <translation>Konto &amp;hinzufügen …</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>&amp;Konten</translation>
    </message>
    <message>
        <source>&amp;Edit account…</source>
        <translation>Konto &amp;bearbeiten …</translation>
    </message>
    <message>
        <source>Enable or &amp;disable account</source>
        <translation>Konto &amp;aktivieren oder deaktivieren</translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation>Neu &amp;verbinden</translation>
    </message>
    <message>
        <source>Re&amp;move account…</source>
        <translation>Konto ent&amp;fernen …</translation>
    </message>
    <message>
        <source>My &amp;status</source>
        <translation>&amp;Mein Status</translation>
    </message>
    <message>
        <source>&amp;Available</source>
        <translation>&amp;Verfügbar</translation>
    </message>
    <message>
        <source>A&amp;way</source>
        <translation>&amp;Abwesend</translation>
    </message>
    <message>
        <source>Away for a w&amp;hile</source>
        <translation>&amp;Länger abwesend</translation>
    </message>
    <message>
        <source>&amp;Do not disturb</source>
        <translation>&amp;Bitte nicht stören</translation>
    </message>
    <message>
        <source>Status &amp;message…</source>
        <translation>Status&amp;nachricht …</translation>
    </message>
    <message>
        <source>Apply to all a&amp;ccounts</source>
        <translation>Auf alle Konten an&amp;wenden</translation>
    </message>
    <message>
        <source>Blocked &amp;people…</source>
        <translation>Blockierte &amp;Personen …</translation>
    </message>
    <message>
        <source>E&amp;xport account history…</source>
        <translation>Kontoverlauf e&amp;xportieren …</translation>
    </message>
    <message>
        <source>&amp;Import history…</source>
        <translation>Verlauf &amp;importieren …</translation>
    </message>
    <message>
        <source>Delete &amp;old history…</source>
        <translation>Alten Verlauf &amp;löschen …</translation>
    </message>
    <message>
        <source>Si&amp;gned-in sessions…</source>
        <translation>An&amp;gemeldete Sitzungen …</translation>
    </message>
    <message>
        <source>Set up &amp;key backup…</source>
        <translation>Schlüsselsicherung ein&amp;richten …</translation>
    </message>
    <message>
        <source>Restore keys from &amp;backup…</source>
        <translation>Schlüssel aus der Sicherung wieder&amp;herstellen …</translation>
    </message>
    <message>
        <source>C&amp;onversations</source>
        <translation>&amp;Unterhaltungen</translation>
    </message>
    <message>
        <source>&amp;Go to conversation…</source>
        <translation>&amp;Gehe zu Unterhaltung …</translation>
    </message>
    <message>
        <source>&amp;Activity in every account…</source>
        <translation>&amp;Aktivität in allen Konten …</translation>
    </message>
    <message>
        <source>&amp;Start a conversation…</source>
        <translation>Unterhaltung &amp;beginnen …</translation>
    </message>
    <message>
        <source>&amp;Join a room…</source>
        <translation>Raum be&amp;treten …</translation>
    </message>
    <message>
        <source>&amp;Browse rooms…</source>
        <translation>Räume &amp;durchsuchen …</translation>
    </message>
    <message>
        <source>Add a &amp;contact…</source>
        <translation>&amp;Kontakt hinzufügen …</translation>
    </message>
    <message>
        <source>New &amp;room…</source>
        <translation>Neuer &amp;Raum …</translation>
    </message>
    <message>
        <source>Room se&amp;ttings…</source>
        <translation>Raumeinste&amp;llungen …</translation>
    </message>
    <message>
        <source>&amp;Find in conversation…</source>
        <translation>In der Unterhaltung &amp;suchen …</translation>
    </message>
    <message>
        <source>Search &amp;everywhere…</source>
        <translation>&amp;Überall suchen …</translation>
    </message>
    <message>
        <source>&amp;Previous conversation</source>
        <translation>V&amp;orherige Unterhaltung</translation>
    </message>
    <message>
        <source>&amp;Next conversation</source>
        <translation>&amp;Nächste Unterhaltung</translation>
    </message>
    <message>
        <source>Previous &amp;unread</source>
        <translation>Vorherige &amp;ungelesene</translation>
    </message>
    <message>
        <source>Ne&amp;xt unread</source>
        <translation>Nächste ungelesen&amp;e</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Next &amp;region</source>
        <translation>Nächster &amp;Bereich</translation>
    </message>
    <message>
        <source>Previous r&amp;egion</source>
        <translation>&amp;Zum vorherigen Bereich</translation>
    </message>
    <message>
        <source>Jump to &amp;latest</source>
        <translation>Zu den &amp;neuesten springen</translation>
    </message>
    <message>
        <source>&amp;Conversations list</source>
        <translation>&amp;Unterhaltungsliste</translation>
    </message>
    <message>
        <source>C&amp;ontacts list</source>
        <translation>&amp;Kontaktliste</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>_Plurals</name>
    <message numerus="yes">
        <source>Idle for %n minute(s)</source>
        <translation>
            <numerusform>Seit %n Minute untätig</numerusform>
            <numerusform>Seit %n Minuten untätig</numerusform>
        </translation>
    </message>
</context>
</TS>
