<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Accessibility</name>
    <message>
        <source>Clear {field}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AccessibilityPage</name>
    <message>
        <source>Bob</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lunch at noon?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>in reply to Alice, anyone free today?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>reactions, 👍 2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>attachments, menu.pdf</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>edited</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>sent from an unverified device</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Screen-&amp;reader mode</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Screen-reader mode</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Starts in the conversation list, reads message times only on request (Ctrl+T) and turns animations off.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Read new messages of the &amp;open conversation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Read new messages of the open conversation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Read aloud in the background</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Read aloud in {account}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Every message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mentions and direct messages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No accounts yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reading a message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Parts read, in order</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Parts read, in order (check to read):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Move the part up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Move the part down</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pre&amp;view:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{part}, now {position} of {count}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Preview, {text}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AccountActions</name>
    <message>
        <source>Select an account in the sidebar first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing is waiting to be saved any more.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove the account “{name}”? You will be signed out and its password removed from the keyring.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keep its history on this computer?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove, &amp;keep history</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove and &amp;delete history</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Status message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What should others see?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your recovery key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Secure storage is set up: your passphrase opens it on a new device, here or in other apps such as Element. This recovery key opens it too, should you forget the passphrase: keep it somewhere safe, such as a password manager. It is shown only now.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keep this recovery key somewhere safe, such as a password manager. It is shown only now; with it, a new device can read your old encrypted messages and take over your verified identity. It opens this account's secure storage in other apps too, such as Element.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recovery key or secure storage passphrase:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Secure storage opened and keys restored from the backup.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Restore from key backup</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AccountDetailsPage</name>
    <message>
        <source>Service</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loading services…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Account details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Advanced settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name in the sidebar</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shown in the sidebar (optional)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Name in the sidebar:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Advanced</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connection test</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Trust this certificate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>Edit account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add an account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign in and add the account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Create account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Create a new account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Makes a new account on the server with this address and password.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add &amp;anyway</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add the account anyway</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Back to the account details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No services available</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No service plugins are installed, so no account can be added.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{label} is required.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This does not look right; for example:{hint}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{label} has the wrong form.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Server: {server}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Continue in your web browser: sign in there (with your second factor, if you have one), then come back here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sign-in did not finish.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Asking the server for a new account…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The account could not be made.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sending your answers…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send the answers and create the account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The connection could not be tested.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connected successfully.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server refused the sign-in: check the address and the password.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server cannot be reached: check the address, the port and your network. It may also be down for a moment.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server's certificate is not trusted, so the connection could be intercepted.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The settings are not usable.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>That did not work.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Its fingerprint (SHA-256) is:
{fp}
Trust it only if it matches the one your server's administrator gave you.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Certificate trusted for this account. Test or save again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The account could not be saved.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <source>Activity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Activity in every account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mentions, direct messages, invitations and requests</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Newest first. Enter opens one where it happened; Delete marks it read.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Activity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing new. Mentions, direct messages, invitations and contact requests from every account appear here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open the selected activity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mark &amp;read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mark the selected activity read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mark a&amp;ll read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mark all activity read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Activity (%n)</source>
        <translation><numerusform>Activity (%n)</numerusform><numerusform>Activity (%n)</numerusform></translation>
    </message>
</context>
<context>
    <name>ActivityModel</name>
    <message>
        <source>Mention</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Direct message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invitation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Contact request</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{who} invites you to {room}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{who} wants to add you as a contact</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{kind}, {when}, {where}: {what}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ArchiveActions</name>
    <message>
        <source>Export account history</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>JSON Lines, can be imported again (*.jsonl);;Web page (*.html)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>History exported to {path}.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>{name} ({service}), kept {when}, %n message(s)</source>
        <translation><numerusform>{name} ({service}), kept {when}, %n message</numerusform><numerusform>{name} ({service}), kept {when}, %n messages</numerusform></translation>
    </message>
    <message>
        <source>Another file (an export)…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import history</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>History kept from a removed account, or a file:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chinwag history (*.jsonl *.sqlite3)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>History imported as a new, disabled account. Edit it to sign in.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete old history</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete the messages of “{account}” older than this many days:</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n old message(s) of {account} deleted.</source>
        <translation><numerusform>%n old message of {account} deleted.</numerusform><numerusform>%n old messages of {account} deleted.</numerusform></translation>
    </message>
</context>
<context>
    <name>AudioPlayer</name>
    <message>
        <source>voice message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>audio</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pause {kind}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Play {kind}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Position in {title}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot play: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Background</name>
    <message>
        <source>Chinwag</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Hide Chinwag</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Show Chinwag</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chinwag is still running</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Messages keep arriving while the window is closed. To quit, choose Quit in the menu of Chinwag's icon in the system tray.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>BlockedDialog</name>
    <message>
        <source>Blocked on {account}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Blocked people</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Blocked:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Address or mask to block</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>An address, or on IRC a mask such as *!*@spam.example</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Address or mask:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bl&amp;ock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Block this address or mask</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Unblock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unblock the selected person</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nobody is blocked.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type an address or a mask to block.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose someone in the list first.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CommandRunner</name>
    <message>
        <source>That did not work.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Write a message…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ComposerArea</name>
    <message>
        <source>Reply or edit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel reply or edit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Who is typing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Upload progress</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A&amp;ttach…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Attach a file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Emo&amp;ji…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Insert emoji</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Insert emoji (Ctrl+;)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Send</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Replying to {quote}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Editing your message (Escape cancels)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{name} is typing…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{names} are typing…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ComposerSpelling</name>
    <message numerus="yes">
        <source>&amp;Spelling: %n suggestion(s) for “{word}”</source>
        <translation><numerusform>&amp;Spelling: %n suggestion for “{word}”</numerusform><numerusform>&amp;Spelling: %n suggestions for “{word}”</numerusform></translation>
    </message>
    <message>
        <source>&amp;Spelling: no suggestions for “{word}”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Replace “{word}” with “{suggestion}”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Add “{word}” to the dictionary</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Ignore “{word}”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>S&amp;pelling language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Spell check is unavailable: Enchant is not installed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Spell check is unavailable: no dictionaries are installed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Spell check is turned off in Settings.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Off</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Default ({language})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Default</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ContactDetailsDialog</name>
    <message>
        <source>Address: {address}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name: {name}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Presence: {presence}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Presence: offline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Away: {message}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signed in to the account {account}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Server: {server}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>In: {channels}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connected since {when}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connected securely (TLS)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A network operator</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Devices:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>About {who}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Asking the service…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Details:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy the details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The service did not tell: {reason}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ContactList</name>
    <message>
        <source>Filter contacts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shows only the people whose name, address or presence contains the text. Escape clears it; Down or Enter goes to the list.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter contacts…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clear the filter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Each account's people by group, with their presence. Enter starts a chat; the menu key opens more actions.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ne&amp;w contact…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a contact</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Your contacts</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ContactListModel</name>
    <message>
        <source>blocked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>asked to see their status, waiting for them</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>you do not see their status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Blocked</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>{group}, %n contact(s)</source>
        <translation><numerusform>{group}, %n contact</numerusform><numerusform>{group}, %n contacts</numerusform></translation>
    </message>
    <message>
        <source>{online} online</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>{account}, %n contact(s)</source>
        <translation><numerusform>{account}, %n contact</numerusform><numerusform>{account}, %n contacts</numerusform></translation>
    </message>
</context>
<context>
    <name>ConversationActions</name>
    <message>
        <source>Invite</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Address of the person to invite:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Topic</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New topic:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Leave</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Leave this conversation?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove from room</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove {name}? Reason (optional):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ban from room</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ban {name} (they cannot come back)? Reason (optional):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>That did not work.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export conversation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Web page (*.html);;JSON Lines (*.jsonl)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Conversation exported to {path}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not verify.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ConversationFinder</name>
    <message>
        <source>Start a conversation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Address or nick</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Join a room</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Room address or channel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nickname</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a contact</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Contact request sent.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ConversationHeader</name>
    <message>
        <source>No conversation open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Conversation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Topic</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Conversation details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Service and server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Members</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show members</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Invite…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invite someone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change the topic</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>To&amp;pic…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Leave</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Leave this conversation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>More</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>More conversation actions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Search in this conversation…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Export history…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Verify contact…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Room se&amp;ttings…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start a &amp;poll…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Notify me</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>For every message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only when mentioned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Read aloud</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Every message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mentions and direct messages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Picture of {name}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>On {service}, account {account}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>every message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>mentions and direct messages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Like the account ({level})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Encrypted, all devices verified</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Encrypted, some devices not verified</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Encrypted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not encrypted</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation><numerusform>%n member</numerusform><numerusform>%n members</numerusform></translation>
    </message>
    <message>
        <source>offline: messages wait in the outbox</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ConversationPane</name>
    <message>
        <source>Loading older messages…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loading older messages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Jump to lat&amp;est</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Jump to the latest messages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Voice messages cannot be sent on this service</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Uploading {name}{percent}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Usage: {usage}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown command /{name}. Type /help for the list.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Attach files</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This conversation cannot receive files.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>That did not work.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ConversationVoice</name>
    <message>
        <source>Message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Message to {conversation}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Messages in {conversation}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sent at {time}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sent yesterday at {time}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sent on {day} at {time}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CoreMessages</name>
    <message>
        <source>This service cannot create rooms.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This service cannot rename contacts.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This service has no subscriptions.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This service cannot download files.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>/me ACTION — describe what you do</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>/join ROOM [PASSWORD] — join a room or channel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>/part [REASON] — leave this room</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>/leave [REASON] — leave this room</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>/topic TEXT — change the topic</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>/invite WHO [REASON] — invite someone here</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>/kick WHO [REASON] — remove someone from this room</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>/ban WHO [REASON] — keep someone out of this room</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>/unban WHO — let someone back into this room</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>/ignore WHO — block someone: you no longer see what they write</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>/unignore WHO — unblock someone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>/msg WHO TEXT — send a private message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>/list [WORDS] — browse the public rooms or channels</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>/poll QUESTION | ANSWER | ANSWER … — start a poll</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>/query WHO — open a private conversation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>/help — list the commands</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This account's service plugin is not available.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>plugin missing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Internal error: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Whom do you want to talk to?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the conversation with %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the notification level</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the spell-check language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>That message is no longer stored.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No server history for this chat.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot send an empty message.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not tell whether your message was saved (%1). If it was, it is sent once the store can be read again: look before sending it again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your message could not be saved (%1), so it was not sent.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not put the message back in the outbox (%1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This service does not take voice messages.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No such file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No such attachment.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown command /%1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No such message.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The service has not confirmed this message yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only your own messages can be changed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No such account.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No usable plugin for %1 is installed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The account is not connected.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The service cannot do that.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is required.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown setting %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This service has no sign-in in the browser.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sign-in in the browser took too long.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Accounts for this service cannot be made here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This sign-up has already ended.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signed in again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This chat has no threads.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You are already in %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 already exists and someone else runs it; you joined it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 already exists and someone else runs it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You are not in %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A channel password has no spaces, commas or colons.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This server has no %1 role.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not in %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not a nick or a mask.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 matches everyone: ban a nick or a host.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A server and a nickname are needed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not a valid nickname.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The port must be a number.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This sign-in method needs a password.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server did not finish signing us in.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not connected.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>/%1 is not one of IRC's own commands (Chinwag carries out its generic ones itself). Use /quote to send a raw IRC line.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>That is not a valid IRC line.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>/%1 works in a channel: type it there.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown command /%1. Use /quote to send a raw IRC line.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>That is not a nickname.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Usage: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 was kicked by %2 (%3)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 was kicked by %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 changed the topic to: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>That is not a channel name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A file from %1 was refused: %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>That file offer is no longer open.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This file offer is no longer open (offers last one connection).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not reach %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 did not connect.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The transfer was cut at %1 of %2 bytes; ask for the file again to resume.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No free port for DCC in the configured range.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>DCC sends a file to one person.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not sent: the connection closed before the file was taken.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 declined the file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not sent: %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nobody took the file in time.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 got shorter while it was sent.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file was sent but its arrival was not confirmed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The transfer was cut at %1 of %2 bytes (%3).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This server keeps no history for us.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 matches everyone: block a nick (bob) or a host (*!*@host) instead.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CTCP %1 reply from %2: %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>IRC cannot send an empty message.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The connection was lost.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Partly sent: %1 of %n line(s) went out before the connection was lost.</source>
        <translation><numerusform>Partly sent: %1 of %n line went out before the connection was lost.</numerusform><numerusform>Partly sent: %1 of %n lines went out before the connection was lost.</numerusform></translation>
    </message>
    <message>
        <source>That nick is not in your contacts.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server's watch list is full.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server did not answer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This nickname is already registered.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This network does not register accounts here: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>NickServ said: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The network's NickServ keeps your nickname for you. It asks for an e-mail address (to reset a lost password, and on some networks to confirm the account).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a password for the account.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>NickServ passwords cannot contain spaces.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter an e-mail address.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>NickServ did not answer in time.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server closed the connection.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Someone is using this nickname right now, or the network refuses it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This network has no NickServ to register with.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server stopped answering.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connection lost: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connection lost (internal error).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unexpected reply.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Disconnected by the server: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Error %1</source>
        <comment>an IRC error numeric</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>irc.libera.chat</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The host name of the IRC network's server.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>6697 is the usual port for TLS; plain-text servers usually listen on 6667.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nickname</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Alternate nicknames</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tried in order when your nickname is taken; separate them with spaces.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your services (NickServ) account password: used for SASL, or for NickServ IDENTIFY where the server offers no SASL.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connect without encryption (plain text)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only for servers without TLS: anyone on the way can read what you send, passwords included.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Account name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your services account, when it differs from your nickname.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign-in method</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>auto: SASL when the server offers it (EXTERNAL with a client certificate, else PLAIN), NickServ IDENTIFY otherwise.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Server password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sent with PASS before signing in (private servers, bouncers).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>User name (ident)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Real name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Trust this CA certificate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A PEM file, for networks whose certificate is signed by their own CA.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Trust this server certificate (SHA-256 fingerprint)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pins one certificate, e.g. a self-signed one, instead of checking its issuer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Client certificate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A PEM certificate (with its key, or give the key below) for SASL EXTERNAL / CertFP.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Client certificate key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only my contacts may message me privately</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Private messages from anyone else are refused: by the server with user mode +g where it offers it (CALLERID), else dropped here. Channels are not affected.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Passive file transfers (behind NAT)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ask the other side to listen when you send a file (DCC passive mode): for computers that others cannot connect to.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ports for file transfers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The ports DCC listens on (open them in your firewall); empty: any free port.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Largest file to accept (MB)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Offers of larger files are refused.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Join these channels</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>#chinwag #python</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Joined on every connect, besides the channels you were in last time.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The port must be a number from 1 to 65535.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A SHA-256 fingerprint has 32 pairs of hex digits.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A port or a range of ports from 1024 to 65535, like 50000-50100.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SASL EXTERNAL needs a client certificate.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This server does not relay reactions.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot use the TLS settings: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server's certificate is not trusted (%1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>TLS failed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connection aborted: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server did not start TLS. If this port is for plain-text connections, use the TLS port (usually 6697).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot find %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot reach %1:%2: %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server's certificate does not match the one you chose to trust.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This homeserver does not offer that sign-in.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No sign-in service is advertised.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The homeserver does not say who signed in.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The address #{alias} is already taken on this server.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: a Matrix ID is @name:server.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Encryption is not available in this session.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>#%1 cannot be a room address.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server did not say which room it made.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A Matrix ID looks like @name:example.org.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Matrix rooms have no %1 role.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The room was closed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not a Matrix media URL.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 did not say how to sign in (HTTP %2).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sign-in service “%1” cannot be reached right now. Try again later, or sign in another way.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The homeserver's answer lacks the new session.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sign-in service cannot be reached (%1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sign-in service did not register the app (%1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server's discovery file is unavailable (HTTP %1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server's discovery file could not be read (HTTP %1). Enter the homeserver URL in the advanced settings.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server's discovery file does not name a valid homeserver. Enter the homeserver URL in the advanced settings.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not an https:// address. Matrix sign-in needs HTTPS so your password, access token and messages are not sent in the clear; plain http:// is only used on this computer (localhost) or when “Allow unencrypted HTTP” is switched on.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server asks us to slow down.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Wrong Matrix ID or password.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This account has been deactivated.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The session has ended.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server had a problem: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server does not support this.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server asks for another way of confirming than the password to set up cross-signing.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The password is needed to set up cross-signing.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server did not accept the password for cross-signing.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The encryption identity of %1 changed, so their devices are no longer verified. Verify them again before you trust new messages.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This device's keys are not on the server yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No keys for device %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The master key of %1 changed meanwhile.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server refused the signature.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This message is end-to-end encrypted; install matrix-nio[e2e] to read it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This room is end-to-end encrypted, and encryption support (matrix-nio[e2e]) is not installed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>End-to-end encryption support (matrix-nio[e2e]) is not installed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server gave no position.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The homeserver cannot be reached (%1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The homeserver's certificate is not trusted. Check the server, or add its CA certificate in the account's advanced settings.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The homeserver's certificate is not the one trusted for this account.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file is larger than allowed (%1 bytes; at most %2).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter the recovery key.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This is not a recovery key: it contains “%1”, which a recovery key never has.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This is not a recovery key (wrong length or start).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The recovery key has a typo: its check character does not match.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no key backup on the server.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The key backup uses a method Chinwag does not know.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This recovery key does not belong to the key backup on the server.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server's answer about the key backup was unusable.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file was not sent: its encryption did not finish. Try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The encrypted file is damaged: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A room is named #alias:server or by its !id.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No direct chat.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The message could not be encrypted: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The homeserver's sign-in service describes itself incompletely (%1 missing or not HTTPS).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sign-in service offers no authorization code.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sign-in service refuses authorization codes.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sign-in service does not support PKCE (S256), so it cannot be used safely by a desktop app.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sign-in service did not register the app.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sign-in answer does not belong to this sign-in.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sign-in was not finished: %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sign-in answer carries no code.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sign-in is no longer valid: sign in again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sign-in service refused the token request (%1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sign-in service sent no usable access token.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You cannot block yourself.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only web links have previews.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The page has nothing to preview.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The preview has no image.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This Matrix ID is taken: choose another name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Too many attempts; try again in a while.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The homeserver refused the new account: %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Matrix ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>@alice:example.org</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your full Matrix ID. The homeserver is found from it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Homeserver URL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>https://matrix.example.org</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only if it cannot be discovered from your Matrix ID (.well-known).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Trusted CA certificate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A PEM file to trust in addition to the system's certificate authorities.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Trusted certificate fingerprint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The SHA-256 fingerprint (AA:BB:…) of a certificate to accept as it is.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Allow unencrypted HTTP</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only for a homeserver you reach safely another way (a VPN, a tunnel). Password, access token and messages would travel without HTTPS.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use sliding sync</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Where the homeserver has it: the room list arrives in one answer, however many rooms.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The CA certificate file does not exist.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The certificate fingerprint is invalid: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The CA certificate file cannot be used: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 does not look like a Matrix homeserver. Enter the homeserver URL in the advanced settings.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No password is saved for this account.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The homeserver's sign-in answer is incomplete.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The encryption store cannot be opened: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The browser did not come back: the sign-in was not finished in time.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The homeserver sent the browser back without a token.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server ended this session: sign in again. Your messages and encryption keys on this device are kept.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The homeserver's refresh answer lacks the new tokens.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server asks for %1, which Chinwag cannot do. Use the server's web site for this, then come back.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This server gives accounts only to people with a token from its admins.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server asks for %1 on its web page: it opens in your browser. Come back here when you are done there.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter the registration token you were given.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server makes accounts only for people who accept its terms.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter your password.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server does not accept this registration token.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Wrong password.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The web page was not finished: try again in the browser.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server refused this step.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server kept asking for more steps.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The confirmation in the browser (%1) was not finished in time.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No encryption.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 has no device %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 has no device to verify.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No such verification.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not an XMPP avatar reference.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No picture was given: %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The vCard has no picture.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The picture does not match its hash.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You signed in elsewhere with the same device name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No password is stored for this account.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fetched</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This server offers no file upload.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file is too large for this server (at most %1 KiB).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The upload service sent no address.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This server keeps no history.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loading older messages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not find this point in the history.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You are not in this room.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not in the room right now.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You cannot ban yourself.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not an XMPP address.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The room does not show %1's address, so it cannot be used for that.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The upload service gave no https:// address, so the file cannot be shared encrypted.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This is not a valid encrypted file link.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Encryption is still starting.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 no longer has a device that can read encrypted messages, so this message was not sent.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This room no longer allows encryption (it must be members-only and show addresses).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not every member can read encrypted messages (%1), so this message was not sent.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>One of your devices has a new identity key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A new device was added to your account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A device of %1 has a new identity key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 has a new device</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Messages are encrypted to it; compare the fingerprint in Devices to verify it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing is encrypted to it until you verify or distrust it in Devices.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (fingerprint %2). %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A file that was encrypted for this conversation cannot be sent without encryption.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 has no device this message may be encrypted to (all are distrusted or unreachable), so it was not sent.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 has a new device you have not decided about. Verify or distrust it in Devices, then send again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no device to encrypt this message to.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This device is always trusted.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No such device.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No broken encryption session is known here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Encryption is not available right now.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This server does not let new accounts be made from an app.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This server cannot make accounts.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This username is taken: choose another one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server will not make more accounts right now; try again later.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server did not accept these answers.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot reach the server.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No registration form is waiting for answers.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No XMPP server was found for %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot reach the server (%1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server does not offer an encrypted connection.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server sent no form.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This room needs a password (or the password is wrong).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only members may join this room.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You are banned from this room.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This room does not exist or is locked.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This room is full.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This server does not let you create rooms.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A nickname is required.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This nickname is not allowed here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This nickname is already used in the room.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You were banned from the room.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You were kicked from the room.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your membership was removed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The room became members-only.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The room service is shutting down.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not a room address.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not join the room.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You left the room.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This server has no group chat service.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 cannot be a room address.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You are already in this room.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not create the room.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A room with the address %1 already exists.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This server offers no group chat service.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The room did not answer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This server cannot block contacts.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not an XMPP address to block.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Disconnect the account to appear offline.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: the server did not answer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>XMPP address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>you@example.org</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your address on the server, like an e-mail address.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Device name (resource)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tells your devices apart; a short random tag is added so two never collide.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Server host</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only if the server cannot be found from your address (DNS SRV).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Used with Server host.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Encryption</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>auto: as the server announces; starttls or direct TLS for a given host and port.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Trusted CA certificate file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A PEM file with the certificate authority of a self-hosted server.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pinned certificate fingerprint (SHA-256)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>AA:BB:…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Trust exactly this server certificate, even if no authority vouches for it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A PEM certificate (with its key, or give the key below) naming your address: signs in with it (SASL EXTERNAL) instead of the password.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The address must look like name@example.org.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The port must be between 1 and 65535.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A port needs a server host.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The client certificate file does not exist.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A key needs its client certificate.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The key file does not exist.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose one of %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>An XMPP address is required.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The number of days cannot be negative.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the deletion of old messages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No such conversation.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the imported history</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n damaged line(s) skipped.</source>
        <translation><numerusform>%n damaged line skipped.</numerusform><numerusform>%n damaged lines skipped.</numerusform></translation>
    </message>
    <message>
        <source>Whom do you want to add?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Whom do you want to block?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Give the room a name or an address.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Whom do you want to ban?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The connection was lost before the server confirmed this message, so it may not have been delivered.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This message could not be recorded before sending; it is sent on the next connection.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Gave up after %n attempt(s).</source>
        <translation><numerusform>Gave up after %n attempt.</numerusform><numerusform>Gave up after %n attempts.</numerusform></translation>
    </message>
    <message>
        <source>Your messages wait in the outbox: the message store cannot save now (%1). They are sent once it can, none of them twice.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chinwag keeps passwords only in your system keyring and never in a plain file. Start and unlock a Secret Service provider: GNOME Keyring (Debian/Ubuntu: 'apt install gnome-keyring') or KDE Wallet on Linux; the built-in Keychain on macOS and Credential Manager on Windows are used automatically. Without a desktop session, run Chinwag inside 'dbus-run-session' after unlocking one with 'echo -n PASSWORD | gnome-keyring-daemon --unlock --components=secrets'.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The only keyring available (%1 from %2) would store passwords unprotected.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No keyring service is installed or running.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 does not say which account it belonged to (it was kept by an older version), so it cannot be imported.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server does not offer the SASL sign-in this account is set to use.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server did not accept the account name or password (SASL).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server password was not accepted.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your password was not sent to NickServ: the user with that nickname is not marked as the network's services, so it could be anyone.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your password was not sent to NickServ: the server did not say in time whether NickServ is the network's services.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This network has no NickServ: signed in without identifying.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>NickServ did not accept the password.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Waiting for the key to decrypt this message…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This message could not be decrypted.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The homeserver sent an unusable sync answer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Banned by %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Banned by %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Removed by %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Removed by %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The emojis did not match.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancelled by the user.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only emoji verification is known.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No common key agreement.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No common MAC method.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No common SAS method.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unexpected accept.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No common method.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No common hash.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unexpected key.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Key before accept.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mismatched commitment.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unexpected MAC.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Malformed MAC.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The keys did not match.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown key type.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The device key did not match.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The identity did not match.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The device key was not confirmed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancelled by the other side.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Timed out.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server's certificate does not match the pinned fingerprint.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server could not deliver this message.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 offers no XMPP service (DNS SRV).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The downloaded file is too short to be an encrypted file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The downloaded file ended early.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file could not be decrypted: it was damaged or altered on the way.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This message was encrypted, but not for this device, so it cannot be read here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This message could not be decrypted. Repairing the encryption session with the sender may help with the next messages.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This message came from a device you distrust, so it is not shown.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This message's encrypted content was not valid, so it is not shown.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You sent this message from this device; its stored copy cannot be decrypted here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This message is encrypted, and encryption is not available right now.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This message came from a device whose identity key changed, so it is not shown.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A device of %1 (%2) now presents another identity key than the one it published, so its messages are not shown.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server could not check the password now.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This account is disabled on the server.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Wrong address or password.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server does not serve %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot reach the server%1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server offered an unencrypted upload address; refusing.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The upload server sent a malformed answer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The upload server answered %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Too many redirections.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only https links are downloaded.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server sent an oversized answer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server answered %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file server sent a malformed answer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server did not answer in HTTP.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The download ended early.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file is larger than %1 MiB; not downloaded.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The upload server's certificate does not match the pinned fingerprint.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The passphrase is too short: use at least %1 characters (a few unrelated words are easy to remember and hard to guess).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The passphrase cannot begin or end with a space.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>WHOIS %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is %2@%3 (%4)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>logged in as %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>on %1</source>
        <comment>the channels someone is in</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>via %1</source>
        <comment>the server someone is connected to</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>away: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>idle %1 s</source>
        <comment>seconds since someone last spoke</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>using a secure connection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no such nick</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1; %2</source>
        <comment>the parts of a WHOIS summary</comment>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Could not save %n incoming update(s) (%1); the log says which.</source>
        <translation><numerusform>Could not save %n incoming update (%1); the log says which.</numerusform><numerusform>Could not save %n incoming updates (%1); the log says which.</numerusform></translation>
    </message>
    <message>
        <source>The message store of this account is damaged (%1). Incoming messages are kept in memory for now and are lost when Chinwag quits.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not save incoming messages (%1). They are kept and saved as soon as the disk works again.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n incoming update(s) dropped: too many were waiting to be saved (in %1).</source>
        <translation><numerusform>%n incoming update dropped: too many were waiting to be saved (in %1).</numerusform><numerusform>%n incoming updates dropped: too many were waiting to be saved (in %1).</numerusform></translation>
    </message>
    <message>
        <source>Incoming messages are saved again.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n incoming update(s) could not be saved before the account stopped (%1); they are lost.</source>
        <translation><numerusform>%n incoming update could not be saved before the account stopped (%1); they are lost.</numerusform><numerusform>%n incoming updates could not be saved before the account stopped (%1); they are lost.</numerusform></translation>
    </message>
    <message>
        <source>Reconnecting to fetch again what could not be saved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This poll has ended.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This poll does not offer that choice.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only who started a poll can end it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A poll needs a question and two answers.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This poll is too long.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No such poll.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not remove the message: you are not a moderator of this room.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not remove the message: the room no longer has it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not remove the message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This room does not let moderators remove messages.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Which session?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This session is the one Chinwag uses: remove the account to sign it out.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server did not accept the password to sign those sessions out.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server asks to confirm in another way than with the password (single sign-on): sign those sessions out on your server's account page or in Element.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The account's password is needed to sign other sessions out.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The draft could not be saved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the new account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the account's changes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>that the account is on</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>that the account is off</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the history to keep</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the disk is full</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the disk could not be written (input/output error)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the file may not be written</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the file is in use by another program</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the file is damaged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the file cannot be opened</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the disk reported an error (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the setting</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DevicesDialog</name>
    <message>
        <source>Devices of {who}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loading devices…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Devices status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Devices</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Verify selected device</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Verify the selected device</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Verify &amp;person</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Verify this person on all devices</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fingerprints &amp;match</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The fingerprints match: mark the selected device as verified</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Distrust</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Distrust the selected device: nothing is encrypted to it any more</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Undo decision</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Take back the decision about the selected device</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fingerprint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>QR code of the selected device's fingerprint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Compare the fingerprint with the one the device shows, or scan this code.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The devices could not be listed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{verified} of {total} devices verified.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>verified</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not verified</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>distrusted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Device {id}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>this device</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Yours: {name}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{name} of {who} — {trust}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Encodes the address {uri}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>That did not work.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Disclosure</name>
    <message>
        <source>expanded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>collapsed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shows the settings most accounts never need.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>EmojiPicker</name>
    <message>
        <source>Insert emoji</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search emoji</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type part of a name. Down goes to the results; Enter takes the first, or with nothing typed the one used last.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search emoji…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clear the search</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Recently used</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recently used emoji</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;All emoji</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Emoji</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No emoji with that name. Enter uses the text itself.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No emoji with that name.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Results (%n)</source>
        <translation><numerusform>Results (%n)</numerusform><numerusform>Results (%n)</numerusform></translation>
    </message>
</context>
<context>
    <name>FieldRow</name>
    <message>
        <source>Problem with {label}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Problem: {text}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FileField</name>
    <message>
        <source>Browse…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a file for {label}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a file</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Welcome</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Welcome to Chinwag</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chat on XMPP, Matrix and IRC from one window. Each account stays separate: its contacts and conversations are never mixed with another's.

To begin, add the account you use most. You can add more later.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Introduction</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a&amp;n account…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add an account</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Please fill in: {fields}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Required, still empty</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FreedesktopNotifier</name>
    <message>
        <source>Open conversation</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>HoverBar</name>
    <message>
        <source>React</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reply</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete for everyone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>More actions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Message actions</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <source>Image: {name}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Image viewer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loading the image…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Zoom level</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Fit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fit to the window</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show at actual size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Save a copy…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save a copy of the image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This file could not be shown as an image ({error}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown format</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{width} × {height} pixels</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{percent} %</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{percent} % (fitted)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not save: {error}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening your conversations…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loading</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Status and progress</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chat</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing is waiting for an answer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open a room first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open this address in your web browser to continue: {url}</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>{name} ({service}), kept {when}, %n message(s)</source>
        <translation><numerusform>{name} ({service}), kept {when}, %n message</numerusform><numerusform>{name} ({service}), kept {when}, %n messages</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n old message(s) deleted.</source>
        <translation><numerusform>%n old message deleted.</numerusform><numerusform>%n old messages deleted.</numerusform></translation>
    </message>
    <message>
        <source>The plugin “{name}” could not be loaded: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{account}: the server ended the session. Sign in again with Edit account; your messages and encryption keys are kept.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n old message(s) of {account} deleted.</source>
        <translation><numerusform>%n old message of {account} deleted.</numerusform><numerusform>%n old messages of {account} deleted.</numerusform></translation>
    </message>
    <message>
        <source>{conversation} — Chinwag</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Media</name>
    <message>
        <source>Voice message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Audio: {name}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Video: {name}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MemberListModel</name>
    <message>
        <source>owner</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>admin</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>moderator</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>member</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>visitor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>available</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>free to chat</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>away</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>away for a while</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>do not disturb</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>presence unknown</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MemberPanel</name>
    <message>
        <source>Members</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Remove from room</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove the selected member from the room</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Ban from room</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ban the selected member from the room</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bloc&amp;k…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Block the selected member</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Members (%n)</source>
        <translation><numerusform>Members (%n)</numerusform><numerusform>Members (%n)</numerusform></translation>
    </message>
</context>
<context>
    <name>MessageActions</name>
    <message>
        <source>&amp;Reply</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Re&amp;act</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Other…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open &amp;thread ({count})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reply in t&amp;hread</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Delete for everyone…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Copy text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy &amp;link to the message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Say when it was &amp;sent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open link {url}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open {name}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Download {name}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save {name} as…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show or hide the whole message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Re&amp;veal spoiler</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Retry sending</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Re&amp;pair encryption with {who}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Block {name}…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>React</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Recent and quick reactions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete this message for everyone in the conversation?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New encryption sessions were started. Messages sent from now on can be read; ask for the unreadable ones again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Images are never loaded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your privacy setting says never to load images from the network, so {name} was not downloaded. Load images when you ask for them from now on?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>this image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Load when I ask, and get this one</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Keep never loading</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown error</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save attachment</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>Show more ({n} more characters)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Download</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>download failed: {error}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>downloading {percent}%</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>downloading…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>edited</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New messages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The message could not be sent.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MessageListModel</name>
    <message>
        <source>sending…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>sent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>delivered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not sent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>encrypted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>sent from an unverified device</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>encrypted, verified</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>waiting for the key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>could not be decrypted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not encrypted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Removed by a moderator.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Removed by {moderator}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Removed by {moderator}: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Yesterday</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>In reply to an earlier message</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n message(s) in thread</source>
        <translation><numerusform>%n message in thread</numerusform><numerusform>%n messages in thread</numerusform></translation>
    </message>
    <message>
        <source>{count}, latest from {sender}, {text}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{count}, latest from {sender}: {text}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>link preview, {text}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>in reply to {quote}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>edited</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>attachments, {names}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>reactions, {chips}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>download failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>downloaded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>downloading {percent}%</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>downloading</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This message was deleted.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MessageView</name>
    <message>
        <source>Messages</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ModerationActions</name>
    <message>
        <source>Re&amp;move as moderator…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove this message for everyone in the room? Reason (optional, public):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>NewRoomDialog</name>
    <message>
        <source>New room</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Create</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add an account first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This account cannot create rooms right now (it is not connected, or its service has no rooms).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Give the room a name or an address.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Creating…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The room could not be created.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Notice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Notice text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Try again now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dismiss notice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Error: </source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Warning: </source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Error, {text}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Warning, {text}</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>(%n more)</source>
        <translation><numerusform>(%n more)</numerusform><numerusform>(%n more)</numerusform></translation>
    </message>
    <message>
        <source>{action}: {notice}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>NotificationCenter</name>
    <message numerus="yes">
        <source>%n new message(s)</source>
        <translation><numerusform>%n new message</numerusform><numerusform>%n new messages</numerusform></translation>
    </message>
    <message>
        <source>sent {files}</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Chinwag — %n unread</source>
        <translation><numerusform>Chinwag — %n unread</numerusform><numerusform>Chinwag — %n unread</numerusform></translation>
    </message>
</context>
<context>
    <name>PeopleActions</name>
    <message>
        <source>&amp;Chat</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Block…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Unblock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Add a contact…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Blocked &amp;people…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rename contact</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name for {address}:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove contact</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove {name} from your contacts? You will no longer see each other's status.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Block</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Block {name}? You will not get their messages, invitations or requests any more, and they are not told.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Block</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{who} is blocked.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{who} is no longer blocked.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>That did not work.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Phrasing</name>
    <message>
        <source>from {sender}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>from {first} and {second}</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>from {first} and %n other(s)</source>
        <translation><numerusform>from {first} and %n other</numerusform><numerusform>from {first} and %n others</numerusform></translation>
    </message>
    <message>
        <source>{conversation} on {account}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{sender} on {account}</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n new private message(s) from {sender}</source>
        <translation><numerusform>%n new private message from {sender}</numerusform><numerusform>%n new private messages from {sender}</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s) in {conversation}</source>
        <translation><numerusform>%n new message in {conversation}</numerusform><numerusform>%n new messages in {conversation}</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n mentioning you</source>
        <translation><numerusform>%n mentioning you</numerusform><numerusform>%n mentioning you</numerusform></translation>
    </message>
    <message>
        <source>Private message from {sender}, {text}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{sender}, {text}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{sender} mentioned you in {conversation}, {text}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{sender} in {conversation}, {text}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PollActions</name>
    <message>
        <source>&amp;Vote</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Take my vote back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>E&amp;nd poll</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PollDialog</name>
    <message>
        <source>Start a poll</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Answers, one a line</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show the &amp;results while the poll is open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Answers one may choose</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Answers (one a line):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Answers one may &amp;choose:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Start poll</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Write the question.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Write between 2 and {most} answers, one a line.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PollView</name>
    <message numerus="yes">
        <source>%n vote(s)</source>
        <translation><numerusform>%n vote</numerusform><numerusform>%n votes</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n voter(s)</source>
        <translation><numerusform>%n voter</numerusform><numerusform>%n voters</numerusform></translation>
    </message>
    <message>
        <source>Poll ended, {voters}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Results will be shown when the poll ends</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Poll: {question}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>your choice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose up to {n} answers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Poll, {question}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PresenceWords</name>
    <message>
        <source>active just now</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>last seen %n minute(s) ago</source>
        <translation><numerusform>last seen %n minute ago</numerusform><numerusform>last seen %n minutes ago</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>last seen %n hour(s) ago</source>
        <translation><numerusform>last seen %n hour ago</numerusform><numerusform>last seen %n hours ago</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>last seen %n day(s) ago</source>
        <translation><numerusform>last seen %n day ago</numerusform><numerusform>last seen %n days ago</numerusform></translation>
    </message>
</context>
<context>
    <name>ProblemLabel</name>
    <message>
        <source>Problem</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ProgressLine</name>
    <message>
        <source>{account}: {label} done</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{account}: {label} {done} of {total}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{account}: {label} ({done})</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>QCoreApplication.PollView</name>
    <message numerus="yes">
        <source>%n voter(s)</source>
        <translation><numerusform>%n voter</numerusform><numerusform>%n voters</numerusform></translation>
    </message>
</context>
<context>
    <name>QuickSwitcher</name>
    <message>
        <source>Go to conversation</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>(%n unread)</source>
        <translation><numerusform>(%n unread)</numerusform><numerusform>(%n unread)</numerusform></translation>
    </message>
    <message>
        <source>{name}, direct</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{name}, {account}</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation><numerusform>%n unread</numerusform><numerusform>%n unread</numerusform></translation>
    </message>
    <message>
        <source>Conversation name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type part of a name…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Matching conversations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Go to:</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n conversation(s) found, first {entry}</source>
        <translation><numerusform>%n conversation found, first {entry}</numerusform><numerusform>%n conversations found, first {entry}</numerusform></translation>
    </message>
    <message>
        <source>No conversation found</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RequestsPanel</name>
    <message>
        <source>Requests waiting for you</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{who} ({address}) wants to add you as a contact on {account}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>They wrote: {message}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{who} wants to verify your device on {account}, to trust each other's encrypted messages.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{who} wants to send you a file on {account}: {name}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Accept files from this person?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{inviter} invites you to {room} on {account}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Accept</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Accept: {text}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Block</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Block: {text}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Say no and block this person: nothing more from them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Decline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Decline: {text}</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Requests (%n)</source>
        <translation><numerusform>Requests (%n)</numerusform><numerusform>Requests (%n)</numerusform></translation>
    </message>
</context>
<context>
    <name>RoomDirectoryDialog</name>
    <message>
        <source>Browse rooms</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search rooms</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name or topic…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clear the search</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rooms</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Join</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Looking for accounts with a room directory…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>None of your connected accounts has a room directory to browse.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The room list could not be fetched.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n room(s)</source>
        <translation><numerusform>%n room</numerusform><numerusform>%n rooms</numerusform></translation>
    </message>
</context>
<context>
    <name>RoomListModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Topic</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>{name}, %n member(s)</source>
        <translation><numerusform>{name}, %n member</numerusform><numerusform>{name}, %n members</numerusform></translation>
    </message>
</context>
<context>
    <name>RoomOptionsForm</name>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Room name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add&amp;ress:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Room address (optional)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chosen from the name when left empty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Topic:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Topic or description</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Who can join</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Who can join:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Room password (optional)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Keep the room when everyone has left</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Moderated: only people given a voice may write</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;End-to-end encrypted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Invite:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>People to invite, separated by commas</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Addresses, separated by commas</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Anyone: listed in the room directory</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Anyone who knows the address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only people who are invited</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invited people; others may ask to join</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RoomSettingsDialog</name>
    <message>
        <source>Settings of {room}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Room settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save changes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>C&amp;lose the room for everyone…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close the room for everyone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;General</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>People in the room</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Role to give</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gi&amp;ve role</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Give the chosen role to the selected person</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;People:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pe&amp;ople and roles</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Banned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Address or mask to ban</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>An address, or a mask such as *!*@spam.example</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Ban</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ban this address or mask</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lift the ba&amp;n</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lift the selected ban</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Banned from the room:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Address or mask:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Bans</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reading the room's settings…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The settings could not be read.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You may change this room's settings.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only the room's owners may change its settings.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(by {who})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nobody is banned.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The room's settings were saved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a person in the list first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{who} is now {role}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type an address or a mask to ban.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{who} is banned.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a ban in the list first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The ban on {who} was lifted.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close the room</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close this room for everyone? Everybody in it is removed, and it cannot be joined again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close the &amp;room</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The room was closed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>That did not work.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ScreenReaderOffer</name>
    <message>
        <source>Screen-reader mode</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A screen reader is running. Chinwag has a mode for it: the keyboard starts in the conversation list, message times are read only when you ask (Ctrl+T), and nothing is animated. You can change this later in Settings.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Turn on screen-reader mode</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Turn on screen-reader mode</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not now</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Search all accounts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search in {name}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search for</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Words to find…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clear the search</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The search failed.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation><numerusform>%n result</numerusform><numerusform>%n results</numerusform></translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>{sender} in {where}, {account}, {when}. {body}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SecureStorageDialog</name>
    <message>
        <source>Set up secure storage</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Secure storage keeps your cross-signing keys and the key of your message backup on the server, encrypted. A new device (Chinwag, Element or another app) opens it to read your old encrypted messages and to take over your verified identity.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>How do you want to open it?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Generate a recovery key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Generate a recovery key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recommended: a key to keep in a password manager</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Use a passphrase</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use a passphrase</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A recovery key is made as well, in case you forget the passphrase</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>At least {count} characters.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Repeat passphrase</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>P&amp;assphrase:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Repeat passphrase:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Set up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Setting up secure storage; deriving a key from a passphrase takes a moment…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Setting up secure storage…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The two passphrases differ: type the same passphrase in both fields.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Secure storage could not be set up.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Service</name>
    <message>
        <source>XMPP</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Matrix</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>IRC</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{service}, {server}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>High contrast</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Text size in percent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show desktop notifications</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Words that count as a mention</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Separated by commas. A message holding one of them as a word counts as mentioning you, like your name: it is highlighted and notifies you.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. release, Chinwag</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keep running in the background when the window is closed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This desktop has no system tray, so closing the window quits Chinwag.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check spelling while I type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Load images from the network</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>When I ask</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Always</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Let others see when I am typing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send read receipts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Accept new private conversations only from contacts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Appearance</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Text si&amp;ze:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Privacy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Images:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show previews of web links</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your server fetches each linked page for you (the site never sees your address). Never in end-to-end encrypted conversations.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Also &amp;mention me for:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Settings pages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;General</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A&amp;ccessibility</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start Chinwag when I log in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chinwag starts with its window hidden in the system tray, where there is one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not change the start at login: {error}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>That did not work.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>go to a conversation by name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>activity of every account, mentions and requests</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>quit (closing the window may keep Chinwag in the tray)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>F6, Shift+F6</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>next or previous region</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Alt+Up, Alt+Down</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>previous or next conversation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Alt+Shift+Up, Alt+Shift+Down</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>previous or next unread</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>write a message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>in the message field, send</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shift+Enter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>in the message field, a new line</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>in an empty message field, edit your last message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tab</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>in the message field, complete a name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ctrl+;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>in the message field, insert an emoji</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>in the message field, spelling suggestions and language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Escape</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>from the message field, to the messages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Up, Down</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>in the messages, one message at a time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Home, End</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>in the messages, the first loaded and the newest</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>on a message, open its attachment or link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Menu key, Shift+F10</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>on a message, all it offers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>on a message, reply</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>on a message, react</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>on your message, edit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ctrl+C</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>on a message, copy its text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>on your message, delete it for everyone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>on a message, say when it was sent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ctrl+End</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>jump to the latest messages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ctrl+F, Ctrl+Shift+F</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>search here, search everywhere</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{keys}, {what}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Keys:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Filter conversations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Down goes to the list</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter conversations…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clear the filter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Accounts and conversations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Co&amp;nversations</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SidebarDelegate</name>
    <message>
        <source>Draft</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SidebarModel</name>
    <message>
        <source>disabled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>connecting…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>online</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>reconnecting…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>needs attention</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Draft: {text}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>group</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>direct</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{kind} conversation on {service}, account {account}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{name}, {service} account at {server}, {state}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{name}, {service} account, {state}</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation><numerusform>%n unread</numerusform><numerusform>%n unread</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n mentioning you</source>
        <translation><numerusform>%n mentioning you</numerusform><numerusform>%n mentioning you</numerusform></translation>
    </message>
    <message>
        <source>unsent draft</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SignUpPage</name>
    <message>
        <source>What the server asks</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Read it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Read: {label}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open the server's page in the browser</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SignedInDialog</name>
    <message>
        <source>Sessions of {account}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sessions where this account is signed in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Signed in on:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rename the selected session</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign &amp;out…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign out the selected sessions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refresh the list of sessions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unnamed session</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{name} (this session)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>last seen {when}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>from {address}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose one session to rename.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rename session</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name of this session, as your other apps list it:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose other sessions than this one: removing the account signs it out.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign out sessions</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Sign out %n session(s)? They can no longer read or send messages until they sign in again; encrypted messages they alone hold the keys to are lost to them.</source>
        <translation><numerusform>Sign out %n session? They can no longer read or send messages until they sign in again; encrypted messages they alone hold the keys to are lost to them.</numerusform><numerusform>Sign out %n sessions? They can no longer read or send messages until they sign in again; encrypted messages they alone hold the keys to are lost to them.</numerusform></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SpaceFilter</name>
    <message>
        <source>Space</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shows only the conversations of one space and its sub-spaces.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rooms…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rooms in this space</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rooms in this space, to join</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All conversations</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>{name} — %n unread, mentions you</source>
        <translation><numerusform>{name} — %n unread, mentions you</numerusform><numerusform>{name} — %n unread, mentions you</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>{name} — %n unread</source>
        <translation><numerusform>{name} — %n unread</numerusform><numerusform>{name} — %n unread</numerusform></translation>
    </message>
</context>
<context>
    <name>SpaceRoomsDialog</name>
    <message>
        <source>Rooms in {space}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loading the rooms of the space…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rooms in the space</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Rooms</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Join</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The rooms could not be listed: {error}</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>The space holds more rooms than can be listed; here are the first %n.</source>
        <translation><numerusform>The space holds more rooms than can be listed; here are the first %n.</numerusform><numerusform>The space holds more rooms than can be listed; here are the first %n.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n room(s) in this space.</source>
        <translation><numerusform>%n room in this space.</numerusform><numerusform>%n rooms in this space.</numerusform></translation>
    </message>
    <message>
        <source>This space holds no rooms you can see.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(space)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>— joined</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>sub-space</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation><numerusform>%n member</numerusform><numerusform>%n members</numerusform></translation>
    </message>
    <message>
        <source>joined</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not joined</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Joining {name}…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You joined {name}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{name} could not be joined: {reason}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Spoilers</name>
    <message>
        <source>Spoiler: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Spoiler</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SsoProviders</name>
    <message>
        <source>Sign in through a web page</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign in through your organisation's page:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This server signs you in through a web page:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign in with {name}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Opens your web browser; come back here when you are signed in.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ThreadPanel</name>
    <message>
        <source>Thread</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close thread</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close the thread</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Messages of the thread</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Answer in the thread</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Answer in the thread…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Attach…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send in the thread</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Emoji…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Thread started by {who}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Thread started by {who}: {text}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The answer could not be sent.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loading the thread…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TrayStatus</name>
    <message>
        <source>Chinwag</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Chinwag — %n unread</source>
        <translation><numerusform>Chinwag — %n unread</numerusform><numerusform>Chinwag — %n unread</numerusform></translation>
    </message>
</context>
<context>
    <name>UriHandler</name>
    <message>
        <source>This link cannot be opened: {problem} ({uri})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You already have an account on {server}: “{account}”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{address} opens once “{account}” is connected.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{account}” is not connected, so {address} cannot be opened. Enable or edit the account in the Accounts menu, then open the link again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The link could not be opened: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>that did not work</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You have no IRC account on {server} to open {uri}. Add one: the link opens once it is added.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You have no {protocol} account to open {uri}. Add one: the link opens once it is added.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the link is empty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the link is too long</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chinwag opens xmpp:, matrix:, irc: and ircs: links</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the link is malformed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>it names no person, room or server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the address in it is not valid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the port in it is not valid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>this kind of link is not supported</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Verbosity</name>
    <message>
        <source>Sender</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Message replied to</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reactions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Attachments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delivery state</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edited</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Encryption</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Thread</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Link preview</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>VerificationDialog</name>
    <message>
        <source>Verify {who}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Verification status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>They &amp;match</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The emojis match</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>They do&amp;n't match</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The emojis do not match</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel verification</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Waiting for {who} to accept on their device…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Both sides agreed. Preparing the emojis…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Compare these emojis with the ones {who} sees, in the same order. Only confirm if they are identical.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{who}'s device is verified. Messages from it are now trusted.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The verification was stopped: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no reason given</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Emojis: {names}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>VideoPlayer</name>
    <message>
        <source>Position in {title}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Larger</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open the video larger</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pause video</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Play video</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot play: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>VoiceMessageControl</name>
    <message>
        <source>Voice messa&amp;ge…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Record a voice message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recording time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel the voice message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send voice message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send the voice message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Preparing the voice message…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>● Recording {time}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The voice message was not sent ({why}); the recording is kept in {path}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The voice message was not recorded: {reason}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>VoiceRecorder</name>
    <message>
        <source>Recording needs QtMultimedia (PySide6-Addons), which is not installed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No microphone was found</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing was recorded.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recording failed.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>&amp;Chinwag</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Add account…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Edit account…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enable or &amp;disable account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Re&amp;move account…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>My &amp;status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Available</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A&amp;way</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Away for a w&amp;hile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Do not disturb</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Status &amp;message…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Apply to all a&amp;ccounts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Blocked &amp;people…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>E&amp;xport account history…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Import history…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete &amp;old history…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Si&amp;gned-in sessions…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set up &amp;key backup…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Restore keys from &amp;backup…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>C&amp;onversations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Go to conversation…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Activity in every account…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Start a conversation…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Join a room…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Browse rooms…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a &amp;contact…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New &amp;room…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Room se&amp;ttings…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Find in conversation…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search &amp;everywhere…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Previous conversation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Next conversation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Previous &amp;unread</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ne&amp;xt unread</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Next &amp;region</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Previous r&amp;egion</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Jump to &amp;latest</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Conversations list</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>C&amp;ontacts list</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>_Plurals</name>
    <message numerus="yes">
        <source>Idle for %n minute(s)</source>
        <translation><numerusform>Idle for %n minute</numerusform><numerusform>Idle for %n minutes</numerusform></translation>
    </message>
</context>
</TS>