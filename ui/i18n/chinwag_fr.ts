<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>Accessibility</name>
    <message>
        <source>Clear {field}</source>
        <translation>Effacer le champ {field}</translation>
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
        <translation>On déjeune à midi ?</translation>
    </message>
    <message>
        <source>in reply to Alice, anyone free today?</source>
        <translation>en réponse à Alice, quelqu'un est libre aujourd'hui ?</translation>
    </message>
    <message>
        <source>reactions, 👍 2</source>
        <translation>réactions, 👍 2</translation>
    </message>
    <message>
        <source>attachments, menu.pdf</source>
        <translation>pièces jointes, menu.pdf</translation>
    </message>
    <message>
        <source>read</source>
        <translation>lu</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>modifié</translation>
    </message>
    <message>
        <source>sent from an unverified device</source>
        <translation>envoyé depuis un appareil non vérifié</translation>
    </message>
    <message>
        <source>Screen-&amp;reader mode</source>
        <translation>Mode &amp;lecteur d'écran</translation>
    </message>
    <message>
        <source>Screen-reader mode</source>
        <translation>Mode lecteur d'écran</translation>
    </message>
    <message>
        <source>Starts in the conversation list, reads message times only on request (Ctrl+T) and turns animations off.</source>
        <translation>Démarre dans la liste des conversations, ne lit l'heure des messages que sur demande (Ctrl+T) et désactive les animations.</translation>
    </message>
    <message>
        <source>Read new messages of the &amp;open conversation</source>
        <translation>Lire les nouveaux messages de la conversation &amp;ouverte</translation>
    </message>
    <message>
        <source>Read new messages of the open conversation</source>
        <translation>Lire les nouveaux messages de la conversation ouverte</translation>
    </message>
    <message>
        <source>Read aloud in the background</source>
        <translation>Lecture à voix haute en arrière-plan</translation>
    </message>
    <message>
        <source>Read aloud in {account}</source>
        <translation>Lire à voix haute dans {account}</translation>
    </message>
    <message>
        <source>Every message</source>
        <translation>Tous les messages</translation>
    </message>
    <message>
        <source>Mentions and direct messages</source>
        <translation>Mentions et messages directs</translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation>Rien</translation>
    </message>
    <message>
        <source>No accounts yet.</source>
        <translation>Aucun compte pour l'instant.</translation>
    </message>
    <message>
        <source>Reading a message</source>
        <translation>Lecture d'un message</translation>
    </message>
    <message>
        <source>Parts read, in order</source>
        <translation>Parties lues, dans l'ordre</translation>
    </message>
    <message>
        <source>&amp;Parts read, in order (check to read):</source>
        <translation>&amp;Parties lues, dans l'ordre (cocher pour lire) :</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>&amp;Monter</translation>
    </message>
    <message>
        <source>Move the part up</source>
        <translation>Monter la partie</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>&amp;Descendre</translation>
    </message>
    <message>
        <source>Move the part down</source>
        <translation>Descendre la partie</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Pre&amp;view:</source>
        <translation>&amp;Aperçu :</translation>
    </message>
    <message>
        <source>{part}, now {position} of {count}</source>
        <translation>{part}, maintenant {position} sur {count}</translation>
    </message>
    <message>
        <source>Preview, {text}</source>
        <translation>Aperçu, {text}</translation>
    </message>
</context>
<context>
    <name>AccountActions</name>
    <message>
        <source>Select an account in the sidebar first.</source>
        <translation>Sélectionnez d'abord un compte dans la barre latérale.</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Supprimer le compte</translation>
    </message>
    <message>
        <source>Remove the account “{name}”? You will be signed out and its password removed from the keyring.</source>
        <translation>Supprimer le compte « {name} » ? Vous serez déconnecté et son mot de passe sera retiré du trousseau.</translation>
    </message>
    <message>
        <source>Keep its history on this computer?</source>
        <translation>Conserver son historique sur cet ordinateur ?</translation>
    </message>
    <message>
        <source>Remove, &amp;keep history</source>
        <translation>Supprimer, &amp;garder l'historique</translation>
    </message>
    <message>
        <source>Remove and &amp;delete history</source>
        <translation>Supprimer avec l'&amp;historique</translation>
    </message>
    <message>
        <source>Status message</source>
        <translation>Message de statut</translation>
    </message>
    <message>
        <source>What should others see?</source>
        <translation>Que doivent voir les autres ?</translation>
    </message>
    <message>
        <source>Your recovery key</source>
        <translation>Votre clé de récupération</translation>
    </message>
    <message>
        <source>Keep this recovery key somewhere safe, such as a password manager. It is shown only now; with it, a new device can read your old encrypted messages.</source>
        <translation>Conservez cette clé de récupération en lieu sûr, par exemple dans un gestionnaire de mots de passe. Elle n'est affichée que maintenant ; grâce à elle, un nouvel appareil pourra lire vos anciens messages chiffrés.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Restore from key backup</source>
        <translation>Restaurer depuis la sauvegarde des clés</translation>
    </message>
    <message>
        <source>Recovery key:</source>
        <translation>Clé de récupération :</translation>
    </message>
    <message>
        <source>Keys restored from the backup.</source>
        <translation>Clés restaurées depuis la sauvegarde.</translation>
    </message>
</context>
<context>
    <name>AccountDetailsPage</name>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Loading services…</source>
        <translation>Chargement des services…</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>Ser&amp;vice :</translation>
    </message>
    <message>
        <source>Account details</source>
        <translation>Détails du compte</translation>
    </message>
    <message>
        <source>Advanced settings</source>
        <translation>Paramètres avancés</translation>
    </message>
    <message>
        <source>Name in the sidebar</source>
        <translation>Nom dans la barre latérale</translation>
    </message>
    <message>
        <source>Shown in the sidebar (optional)</source>
        <translation>Affiché dans la barre latérale (facultatif)</translation>
    </message>
    <message>
        <source>&amp;Name in the sidebar:</source>
        <translation>&amp;Nom dans la barre latérale :</translation>
    </message>
    <message>
        <source>&amp;Advanced</source>
        <translation>&amp;Avancé</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Connection test</source>
        <translation>Test de connexion</translation>
    </message>
    <message>
        <source>&amp;Trust this certificate</source>
        <translation>&amp;Faire confiance à ce certificat</translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation>Faire confiance à ce certificat</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>Edit account</source>
        <translation>Modifier le compte</translation>
    </message>
    <message>
        <source>Add an account</source>
        <translation>Ajouter un compte</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Se connecter</translation>
    </message>
    <message>
        <source>Save account</source>
        <translation>Enregistrer le compte</translation>
    </message>
    <message>
        <source>Sign in and add the account</source>
        <translation>Se connecter et ajouter le compte</translation>
    </message>
    <message>
        <source>&amp;Create account</source>
        <translation>&amp;Créer un compte</translation>
    </message>
    <message>
        <source>Create a new account</source>
        <translation>Créer un nouveau compte</translation>
    </message>
    <message>
        <source>Makes a new account on the server with this address and password.</source>
        <translation>Crée un nouveau compte sur le serveur avec cette adresse et ce mot de passe.</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Tester la connexion</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <source>Add &amp;anyway</source>
        <translation>Ajouter &amp;quand même</translation>
    </message>
    <message>
        <source>Add the account anyway</source>
        <translation>Ajouter le compte quand même</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Retour</translation>
    </message>
    <message>
        <source>Back to the account details</source>
        <translation>Retour aux détails du compte</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>No services available</source>
        <translation>Aucun service disponible</translation>
    </message>
    <message>
        <source>No service plugins are installed, so no account can be added.</source>
        <translation>Aucun module de service n'est installé : aucun compte ne peut être ajouté.</translation>
    </message>
    <message>
        <source>{label} is required.</source>
        <translation>{label} est obligatoire.</translation>
    </message>
    <message>
        <source>This does not look right; for example:{hint}</source>
        <translation>Cela ne semble pas correct ; par exemple :{hint}</translation>
    </message>
    <message>
        <source>{label} has the wrong form.</source>
        <translation>{label} n'a pas la bonne forme.</translation>
    </message>
    <message>
        <source>Server: {server}</source>
        <translation>Serveur : {server}</translation>
    </message>
    <message>
        <source>Continue in your web browser: sign in there (with your second factor, if you have one), then come back here.</source>
        <translation>Continuez dans votre navigateur web : connectez-vous-y (avec votre second facteur, si vous en avez un), puis revenez ici.</translation>
    </message>
    <message>
        <source>The sign-in did not finish.</source>
        <translation>La connexion n'a pas abouti.</translation>
    </message>
    <message>
        <source>Asking the server for a new account…</source>
        <translation>Demande d'un nouveau compte au serveur…</translation>
    </message>
    <message>
        <source>The account could not be made.</source>
        <translation>Le compte n'a pas pu être créé.</translation>
    </message>
    <message>
        <source>Sending your answers…</source>
        <translation>Envoi de vos réponses…</translation>
    </message>
    <message>
        <source>Send the answers and create the account</source>
        <translation>Envoyer les réponses et créer le compte</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>Test de la connexion…</translation>
    </message>
    <message>
        <source>The connection could not be tested.</source>
        <translation>La connexion n'a pas pu être testée.</translation>
    </message>
    <message>
        <source>Connected successfully.</source>
        <translation>Connexion réussie.</translation>
    </message>
    <message>
        <source>Its fingerprint (SHA-256) is:
{fp}
Trust it only if it matches the one your server's administrator gave you.</source>
        <translation>Son empreinte (SHA-256) est :
{fp}
Ne lui faites confiance que si elle correspond à celle que l'administrateur de votre serveur vous a donnée.</translation>
    </message>
    <message>
        <source>Certificate trusted for this account. Test or save again.</source>
        <translation>Certificat approuvé pour ce compte. Testez ou enregistrez à nouveau.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>The account could not be saved.</source>
        <translation>Le compte n'a pas pu être enregistré.</translation>
    </message>
    <message>
        <source>The server refused the sign-in: check the address and the password.</source>
        <translation>Le serveur a refusé la connexion : vérifiez l'adresse et le mot de passe.</translation>
    </message>
    <message>
        <source>The server cannot be reached: check the address, the port and your network. It may also be down for a moment.</source>
        <translation>Le serveur est injoignable : vérifiez l'adresse, le port et votre réseau. Il est peut-être aussi momentanément hors service.</translation>
    </message>
    <message>
        <source>The server's certificate is not trusted, so the connection could be intercepted.</source>
        <translation>Le certificat du serveur n'est pas reconnu : la connexion pourrait être interceptée.</translation>
    </message>
    <message>
        <source>The settings are not usable.</source>
        <translation>Les paramètres ne sont pas utilisables.</translation>
    </message>
    <message>
        <source>That did not work.</source>
        <translation>Cela n'a pas fonctionné.</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Activity in every account</source>
        <translation>Activité de tous les comptes</translation>
    </message>
    <message>
        <source>Mentions, direct messages, invitations and requests</source>
        <translation>Mentions, messages directs, invitations et demandes</translation>
    </message>
    <message>
        <source>Newest first. Enter opens one where it happened; Delete marks it read.</source>
        <translation>Les plus récentes d'abord. Entrée ouvre l'élément là où il s'est produit ; Suppr le marque comme lu.</translation>
    </message>
    <message>
        <source>&amp;Activity</source>
        <translation>&amp;Activité</translation>
    </message>
    <message>
        <source>Nothing new. Mentions, direct messages, invitations and contact requests from every account appear here.</source>
        <translation>Rien de nouveau. Les mentions, messages directs, invitations et demandes de contact de tous les comptes apparaissent ici.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>Open the selected activity</source>
        <translation>Ouvrir l'activité sélectionnée</translation>
    </message>
    <message>
        <source>Mark &amp;read</source>
        <translation>Marquer comme &amp;lu</translation>
    </message>
    <message>
        <source>Mark the selected activity read</source>
        <translation>Marquer l'activité sélectionnée comme lue</translation>
    </message>
    <message>
        <source>Mark a&amp;ll read</source>
        <translation>&amp;Tout marquer comme lu</translation>
    </message>
    <message>
        <source>Mark all activity read</source>
        <translation>Marquer toute l'activité comme lue</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message numerus="yes">
        <source>Activity (%n)</source>
        <translation><numerusform>Activité (%n)</numerusform><numerusform>Activité (%n)</numerusform></translation>
    </message>
</context>
<context>
    <name>ActivityModel</name>
    <message>
        <source>Mention</source>
        <translation>Mention</translation>
    </message>
    <message>
        <source>Direct message</source>
        <translation>Message direct</translation>
    </message>
    <message>
        <source>Invitation</source>
        <translation>Invitation</translation>
    </message>
    <message>
        <source>Contact request</source>
        <translation>Demande de contact</translation>
    </message>
    <message>
        <source>{who} invites you to {room}</source>
        <translation>{who} vous invite dans {room}</translation>
    </message>
    <message>
        <source>{who} wants to add you as a contact</source>
        <translation>{who} souhaite vous ajouter à ses contacts</translation>
    </message>
    <message>
        <source>{kind}, {when}, {where}: {what}</source>
        <translation>{kind}, {when}, {where} : {what}</translation>
    </message>
</context>
<context>
    <name>ArchiveActions</name>
    <message>
        <source>Export account history</source>
        <translation>Exporter l'historique du compte</translation>
    </message>
    <message>
        <source>JSON Lines, can be imported again (*.jsonl);;Web page (*.html)</source>
        <translation>JSON Lines, réimportable (*.jsonl);;Page web (*.html)</translation>
    </message>
    <message>
        <source>History exported to {path}.</source>
        <translation>Historique exporté vers {path}.</translation>
    </message>
    <message numerus="yes">
        <source>{name} ({service}), kept {when}, %n message(s)</source>
        <translation><numerusform>{name} ({service}), conservé le {when}, %n message</numerusform><numerusform>{name} ({service}), conservé le {when}, %n messages</numerusform></translation>
    </message>
    <message>
        <source>Another file (an export)…</source>
        <translation>Un autre fichier (un export)…</translation>
    </message>
    <message>
        <source>Import history</source>
        <translation>Importer un historique</translation>
    </message>
    <message>
        <source>History kept from a removed account, or a file:</source>
        <translation>Historique conservé d'un compte supprimé, ou un fichier :</translation>
    </message>
    <message>
        <source>Chinwag history (*.jsonl *.sqlite3)</source>
        <translation>Historique Chinwag (*.jsonl *.sqlite3)</translation>
    </message>
    <message>
        <source>History imported as a new, disabled account. Edit it to sign in.</source>
        <translation>Historique importé comme nouveau compte désactivé. Modifiez-le pour vous connecter.</translation>
    </message>
    <message>
        <source>Delete old history</source>
        <translation>Supprimer l'ancien historique</translation>
    </message>
    <message>
        <source>Delete the messages of “{account}” older than this many days:</source>
        <translation>Supprimer les messages de « {account} » plus anciens que ce nombre de jours :</translation>
    </message>
    <message numerus="yes">
        <source>%n old message(s) of {account} deleted.</source>
        <translation><numerusform>%n ancien message de {account} supprimé.</numerusform><numerusform>%n anciens messages de {account} supprimés.</numerusform></translation>
    </message>
</context>
<context>
    <name>BlockedDialog</name>
    <message>
        <source>Blocked on {account}</source>
        <translation>Bloqués sur {account}</translation>
    </message>
    <message>
        <source>Blocked people</source>
        <translation>Personnes bloquées</translation>
    </message>
    <message>
        <source>&amp;Blocked:</source>
        <translation>&amp;Bloqués :</translation>
    </message>
    <message>
        <source>Address or mask to block</source>
        <translation>Adresse ou masque à bloquer</translation>
    </message>
    <message>
        <source>An address, or on IRC a mask such as *!*@spam.example</source>
        <translation>Une adresse, ou sur IRC un masque comme *!*@spam.example</translation>
    </message>
    <message>
        <source>&amp;Address or mask:</source>
        <translation>&amp;Adresse ou masque :</translation>
    </message>
    <message>
        <source>Bl&amp;ock</source>
        <translation>Bl&amp;oquer</translation>
    </message>
    <message>
        <source>Block this address or mask</source>
        <translation>Bloquer cette adresse ou ce masque</translation>
    </message>
    <message>
        <source>&amp;Unblock</source>
        <translation>&amp;Débloquer</translation>
    </message>
    <message>
        <source>Unblock the selected person</source>
        <translation>Débloquer la personne sélectionnée</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Nobody is blocked.</source>
        <translation>Personne n'est bloqué.</translation>
    </message>
    <message>
        <source>Type an address or a mask to block.</source>
        <translation>Saisissez une adresse ou un masque à bloquer.</translation>
    </message>
    <message>
        <source>Choose someone in the list first.</source>
        <translation>Choisissez d'abord quelqu'un dans la liste.</translation>
    </message>
</context>
<context>
    <name>CommandRunner</name>
    <message>
        <source>That did not work.</source>
        <translation>Cela n'a pas fonctionné.</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Write a message…</source>
        <translation>Écrire un message…</translation>
    </message>
</context>
<context>
    <name>ComposerArea</name>
    <message>
        <source>Reply or edit</source>
        <translation>Réponse ou modification</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel reply or edit</source>
        <translation>Annuler la réponse ou la modification</translation>
    </message>
    <message>
        <source>Who is typing</source>
        <translation>Qui est en train d'écrire</translation>
    </message>
    <message>
        <source>Upload progress</source>
        <translation>Progression de l'envoi</translation>
    </message>
    <message>
        <source>A&amp;ttach…</source>
        <translation>&amp;Joindre…</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Joindre un fichier</translation>
    </message>
    <message>
        <source>Emo&amp;ji…</source>
        <translation>&amp;Émoji…</translation>
    </message>
    <message>
        <source>Insert emoji</source>
        <translation>Insérer un émoji</translation>
    </message>
    <message>
        <source>Insert emoji (Ctrl+;)</source>
        <translation>Insérer un émoji (Ctrl+;)</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>En&amp;voyer</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Envoyer le message</translation>
    </message>
    <message>
        <source>Replying to {quote}</source>
        <translation>Réponse à {quote}</translation>
    </message>
    <message>
        <source>Editing your message (Escape cancels)</source>
        <translation>Modification de votre message (Échap pour annuler)</translation>
    </message>
    <message>
        <source>{name} is typing…</source>
        <translation>{name} est en train d'écrire…</translation>
    </message>
    <message>
        <source>{names} are typing…</source>
        <translation>{names} sont en train d'écrire…</translation>
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation>Plusieurs personnes sont en train d'écrire…</translation>
    </message>
</context>
<context>
    <name>ContactDetailsDialog</name>
    <message>
        <source>Address: {address}</source>
        <translation>Adresse : {address}</translation>
    </message>
    <message>
        <source>Name: {name}</source>
        <translation>Nom : {name}</translation>
    </message>
    <message>
        <source>Presence: {presence}</source>
        <translation>Présence : {presence}</translation>
    </message>
    <message>
        <source>Presence: offline</source>
        <translation>Présence : hors ligne</translation>
    </message>
    <message>
        <source>Away: {message}</source>
        <translation>Absent : {message}</translation>
    </message>
    <message>
        <source>Signed in to the account {account}</source>
        <translation>Connecté au compte {account}</translation>
    </message>
    <message>
        <source>Server: {server}</source>
        <translation>Serveur : {server}</translation>
    </message>
    <message>
        <source>In: {channels}</source>
        <translation>Dans : {channels}</translation>
    </message>
    <message>
        <source>Connected since {when}</source>
        <translation>Connecté depuis {when}</translation>
    </message>
    <message>
        <source>Connected securely (TLS)</source>
        <translation>Connexion sécurisée (TLS)</translation>
    </message>
    <message>
        <source>A network operator</source>
        <translation>Un opérateur du réseau</translation>
    </message>
    <message>
        <source>Devices:</source>
        <translation>Appareils :</translation>
    </message>
    <message>
        <source>About {who}</source>
        <translation>À propos de {who}</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Asking the service…</source>
        <translation>Interrogation du service…</translation>
    </message>
    <message>
        <source>&amp;Details:</source>
        <translation>&amp;Détails :</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Copy the details</source>
        <translation>Copier les détails</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>The service did not tell: {reason}</source>
        <translation>Le service n'a pas répondu : {reason}</translation>
    </message>
</context>
<context>
    <name>ContactList</name>
    <message>
        <source>Filter contacts</source>
        <translation>Filtrer les contacts</translation>
    </message>
    <message>
        <source>Shows only the people whose name, address or presence contains the text. Escape clears it; Down or Enter goes to the list.</source>
        <translation>N'affiche que les personnes dont le nom, l'adresse ou la présence contient le texte. Échap l'efface ; Bas ou Entrée va à la liste.</translation>
    </message>
    <message>
        <source>Filter contacts…</source>
        <translation>Filtrer les contacts…</translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>Effacer le filtre</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Each account's people by group, with their presence. Enter starts a chat; the menu key opens more actions.</source>
        <translation>Les personnes de chaque compte par groupe, avec leur présence. Entrée démarre une discussion ; la touche Menu ouvre d'autres actions.</translation>
    </message>
    <message>
        <source>Ne&amp;w contact…</source>
        <translation>&amp;Nouveau contact…</translation>
    </message>
    <message>
        <source>Add a contact</source>
        <translation>Ajouter un contact</translation>
    </message>
    <message>
        <source>&amp;Your contacts</source>
        <translation>Vos con&amp;tacts</translation>
    </message>
</context>
<context>
    <name>ContactListModel</name>
    <message>
        <source>blocked</source>
        <translation>bloqué</translation>
    </message>
    <message>
        <source>asked to see their status, waiting for them</source>
        <translation>demande envoyée pour voir son statut, en attente</translation>
    </message>
    <message>
        <source>you do not see their status</source>
        <translation>vous ne voyez pas son statut</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Bloqués</translation>
    </message>
    <message numerus="yes">
        <source>{group}, %n contact(s)</source>
        <translation><numerusform>{group}, %n contact</numerusform><numerusform>{group}, %n contacts</numerusform></translation>
    </message>
    <message>
        <source>{online} online</source>
        <translation>{online} en ligne</translation>
    </message>
    <message numerus="yes">
        <source>{account}, %n contact(s)</source>
        <translation><numerusform>{account}, %n contact</numerusform><numerusform>{account}, %n contacts</numerusform></translation>
    </message>
</context>
<context>
    <name>ConversationActions</name>
    <message>
        <source>Invite</source>
        <translation>Inviter</translation>
    </message>
    <message>
        <source>Address of the person to invite:</source>
        <translation>Adresse de la personne à inviter :</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>New topic:</source>
        <translation>Nouveau sujet :</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Leave this conversation?</source>
        <translation>Quitter cette conversation ?</translation>
    </message>
    <message>
        <source>Remove from room</source>
        <translation>Retirer du salon</translation>
    </message>
    <message>
        <source>Remove {name}? Reason (optional):</source>
        <translation>Retirer {name} ? Motif (facultatif) :</translation>
    </message>
    <message>
        <source>Ban from room</source>
        <translation>Bannir du salon</translation>
    </message>
    <message>
        <source>Ban {name} (they cannot come back)? Reason (optional):</source>
        <translation>Bannir {name} (sans possibilité de revenir) ? Motif (facultatif) :</translation>
    </message>
    <message>
        <source>Export conversation</source>
        <translation>Exporter la conversation</translation>
    </message>
    <message>
        <source>Web page (*.html);;JSON Lines (*.jsonl)</source>
        <translation>Page web (*.html);;JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Conversation exported to {path}.</source>
        <translation>Conversation exportée vers {path}.</translation>
    </message>
    <message>
        <source>Could not verify.</source>
        <translation>La vérification a échoué.</translation>
    </message>
</context>
<context>
    <name>ConversationFinder</name>
    <message>
        <source>Start a conversation</source>
        <translation>Démarrer une conversation</translation>
    </message>
    <message>
        <source>Address or nick</source>
        <translation>Adresse ou pseudo</translation>
    </message>
    <message>
        <source>Join a room</source>
        <translation>Rejoindre un salon</translation>
    </message>
    <message>
        <source>Room address or channel</source>
        <translation>Adresse du salon ou canal</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>Pseudo</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Add a contact</source>
        <translation>Ajouter un contact</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Contact request sent.</source>
        <translation>Demande de contact envoyée.</translation>
    </message>
</context>
<context>
    <name>ConversationHeader</name>
    <message>
        <source>No conversation open</source>
        <translation>Aucune conversation ouverte</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>Conversation details</source>
        <translation>Détails de la conversation</translation>
    </message>
    <message>
        <source>Service and server</source>
        <translation>Service et serveur</translation>
    </message>
    <message>
        <source>&amp;Members</source>
        <translation>&amp;Membres</translation>
    </message>
    <message>
        <source>Show members</source>
        <translation>Afficher les membres</translation>
    </message>
    <message>
        <source>&amp;Invite…</source>
        <translation>&amp;Inviter…</translation>
    </message>
    <message>
        <source>Invite someone</source>
        <translation>Inviter quelqu'un</translation>
    </message>
    <message>
        <source>To&amp;pic…</source>
        <translation>&amp;Sujet…</translation>
    </message>
    <message>
        <source>Change the topic</source>
        <translation>Changer le sujet</translation>
    </message>
    <message>
        <source>&amp;Leave</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Leave this conversation</source>
        <translation>Quitter cette conversation</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Plus</translation>
    </message>
    <message>
        <source>More conversation actions</source>
        <translation>Autres actions sur la conversation</translation>
    </message>
    <message>
        <source>&amp;Search in this conversation…</source>
        <translation>&amp;Rechercher dans cette conversation…</translation>
    </message>
    <message>
        <source>&amp;Export history…</source>
        <translation>&amp;Exporter l'historique…</translation>
    </message>
    <message>
        <source>&amp;Verify contact…</source>
        <translation>&amp;Vérifier le contact…</translation>
    </message>
    <message>
        <source>Room se&amp;ttings…</source>
        <translation>&amp;Paramètres du salon…</translation>
    </message>
    <message>
        <source>&amp;Notify me</source>
        <translation>Me &amp;notifier</translation>
    </message>
    <message>
        <source>For every message</source>
        <translation>Pour chaque message</translation>
    </message>
    <message>
        <source>Only when mentioned</source>
        <translation>Seulement si je suis mentionné</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>&amp;Read aloud</source>
        <translation>&amp;Lire à voix haute</translation>
    </message>
    <message>
        <source>Every message</source>
        <translation>Tous les messages</translation>
    </message>
    <message>
        <source>Mentions and direct messages</source>
        <translation>Mentions et messages directs</translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation>Rien</translation>
    </message>
    <message>
        <source>Picture of {name}</source>
        <translation>Photo de {name}</translation>
    </message>
    <message>
        <source>On {service}, account {account}</source>
        <translation>Sur {service}, compte {account}</translation>
    </message>
    <message>
        <source>every message</source>
        <translation>tous les messages</translation>
    </message>
    <message>
        <source>mentions and direct messages</source>
        <translation>mentions et messages directs</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>rien</translation>
    </message>
    <message>
        <source>Like the account ({level})</source>
        <translation>Comme le compte ({level})</translation>
    </message>
    <message>
        <source>Not encrypted</source>
        <translation>Non chiffré</translation>
    </message>
    <message>
        <source>Encrypted, all devices verified</source>
        <translation>Chiffré, tous les appareils vérifiés</translation>
    </message>
    <message>
        <source>Encrypted, some devices not verified</source>
        <translation>Chiffré, certains appareils non vérifiés</translation>
    </message>
    <message>
        <source>Encrypted</source>
        <translation>Chiffré</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation><numerusform>%n membre</numerusform><numerusform>%n membres</numerusform></translation>
    </message>
    <message>
        <source>offline: messages wait in the outbox</source>
        <translation>hors ligne : les messages attendent dans la boîte d'envoi</translation>
    </message>
</context>
<context>
    <name>ConversationPane</name>
    <message>
        <source>Loading older messages…</source>
        <translation>Chargement des messages plus anciens…</translation>
    </message>
    <message>
        <source>Loading older messages</source>
        <translation>Chargement des messages plus anciens</translation>
    </message>
    <message>
        <source>Jump to lat&amp;est</source>
        <translation>Aller aux &amp;plus récents</translation>
    </message>
    <message>
        <source>Jump to the latest messages</source>
        <translation>Aller aux messages les plus récents</translation>
    </message>
    <message>
        <source>Uploading {name}{percent}</source>
        <translation>Envoi de {name}{percent}</translation>
    </message>
    <message>
        <source>That did not work.</source>
        <translation>Cela n'a pas fonctionné.</translation>
    </message>
    <message>
        <source>Usage: {usage}</source>
        <translation>Utilisation : {usage}</translation>
    </message>
    <message>
        <source>Unknown command /{name}. Type /help for the list.</source>
        <translation>Commande inconnue /{name}. Tapez /help pour la liste.</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <source>This conversation cannot receive files.</source>
        <translation>Cette conversation ne peut pas recevoir de fichiers.</translation>
    </message>
</context>
<context>
    <name>ConversationVoice</name>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Message to {conversation}</source>
        <translation>Message à {conversation}</translation>
    </message>
    <message>
        <source>Messages in {conversation}</source>
        <translation>Messages dans {conversation}</translation>
    </message>
    <message>
        <source>Sent at {time}</source>
        <translation>Envoyé à {time}</translation>
    </message>
    <message>
        <source>Sent yesterday at {time}</source>
        <translation>Envoyé hier à {time}</translation>
    </message>
    <message>
        <source>Sent on {day} at {time}</source>
        <translation>Envoyé le {day} à {time}</translation>
    </message>
</context>
<context>
    <name>DevicesDialog</name>
    <message>
        <source>Devices of {who}</source>
        <translation>Appareils de {who}</translation>
    </message>
    <message>
        <source>Loading devices…</source>
        <translation>Chargement des appareils…</translation>
    </message>
    <message>
        <source>Devices status</source>
        <translation>État des appareils</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Appareils</translation>
    </message>
    <message>
        <source>&amp;Verify selected device</source>
        <translation>&amp;Vérifier l'appareil sélectionné</translation>
    </message>
    <message>
        <source>Verify the selected device</source>
        <translation>Vérifier l'appareil sélectionné</translation>
    </message>
    <message>
        <source>Verify &amp;person</source>
        <translation>Vérifier la &amp;personne</translation>
    </message>
    <message>
        <source>Verify this person on all devices</source>
        <translation>Vérifier cette personne sur tous ses appareils</translation>
    </message>
    <message>
        <source>Fingerprints &amp;match</source>
        <translation>Les empreintes &amp;correspondent</translation>
    </message>
    <message>
        <source>The fingerprints match: mark the selected device as verified</source>
        <translation>Les empreintes correspondent : marquer l'appareil sélectionné comme vérifié</translation>
    </message>
    <message>
        <source>&amp;Distrust</source>
        <translation>&amp;Révoquer la confiance</translation>
    </message>
    <message>
        <source>Distrust the selected device: nothing is encrypted to it any more</source>
        <translation>Ne plus faire confiance à l'appareil sélectionné : plus rien ne sera chiffré pour lui</translation>
    </message>
    <message>
        <source>&amp;Undo decision</source>
        <translation>&amp;Annuler la décision</translation>
    </message>
    <message>
        <source>Take back the decision about the selected device</source>
        <translation>Revenir sur la décision concernant l'appareil sélectionné</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Empreinte</translation>
    </message>
    <message>
        <source>QR code of the selected device's fingerprint</source>
        <translation>Code QR de l'empreinte de l'appareil sélectionné</translation>
    </message>
    <message>
        <source>Compare the fingerprint with the one the device shows, or scan this code.</source>
        <translation>Comparez l'empreinte avec celle qu'affiche l'appareil, ou scannez ce code.</translation>
    </message>
    <message>
        <source>The devices could not be listed.</source>
        <translation>Les appareils n'ont pas pu être listés.</translation>
    </message>
    <message>
        <source>{verified} of {total} devices verified.</source>
        <translation>{verified} appareils vérifiés sur {total}.</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>vérifié</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>non vérifié</translation>
    </message>
    <message>
        <source>distrusted</source>
        <translation>non fiable</translation>
    </message>
    <message>
        <source>Device {id}</source>
        <translation>Appareil {id}</translation>
    </message>
    <message>
        <source>this device</source>
        <translation>cet appareil</translation>
    </message>
    <message>
        <source>Yours: {name}</source>
        <translation>Le vôtre : {name}</translation>
    </message>
    <message>
        <source>{name} of {who} — {trust}</source>
        <translation>{name} de {who} — {trust}</translation>
    </message>
    <message>
        <source>Encodes the address {uri}</source>
        <translation>Encode l'adresse {uri}</translation>
    </message>
    <message>
        <source>That did not work.</source>
        <translation>Cela n'a pas fonctionné.</translation>
    </message>
</context>
<context>
    <name>Disclosure</name>
    <message>
        <source>expanded</source>
        <translation>déplié</translation>
    </message>
    <message>
        <source>collapsed</source>
        <translation>replié</translation>
    </message>
    <message>
        <source>Shows the settings most accounts never need.</source>
        <translation>Affiche les paramètres dont la plupart des comptes n'ont jamais besoin.</translation>
    </message>
</context>
<context>
    <name>EmojiPicker</name>
    <message>
        <source>Insert emoji</source>
        <translation>Insérer un émoji</translation>
    </message>
    <message>
        <source>Search emoji</source>
        <translation>Rechercher un émoji</translation>
    </message>
    <message>
        <source>Type part of a name. Down goes to the results; Enter takes the first, or with nothing typed the one used last.</source>
        <translation>Tapez une partie d'un nom. Bas va aux résultats ; Entrée prend le premier, ou, sans saisie, le dernier utilisé.</translation>
    </message>
    <message>
        <source>Search emoji…</source>
        <translation>Rechercher un émoji…</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Effacer la recherche</translation>
    </message>
    <message>
        <source>&amp;Recently used</source>
        <translation>&amp;Récemment utilisés</translation>
    </message>
    <message>
        <source>Recently used emoji</source>
        <translation>Émojis récemment utilisés</translation>
    </message>
    <message>
        <source>&amp;All emoji</source>
        <translation>&amp;Tous les émojis</translation>
    </message>
    <message>
        <source>Emoji</source>
        <translation>Émoji</translation>
    </message>
    <message>
        <source>No emoji with that name. Enter uses the text itself.</source>
        <translation>Aucun émoji de ce nom. Entrée utilise le texte tel quel.</translation>
    </message>
    <message>
        <source>No emoji with that name.</source>
        <translation>Aucun émoji de ce nom.</translation>
    </message>
    <message numerus="yes">
        <source>Results (%n)</source>
        <translation><numerusform>Résultats (%n)</numerusform><numerusform>Résultats (%n)</numerusform></translation>
    </message>
</context>
<context>
    <name>FieldRow</name>
    <message>
        <source>Problem with {label}</source>
        <translation>Problème avec {label}</translation>
    </message>
    <message>
        <source>Problem: {text}</source>
        <translation>Problème : {text}</translation>
    </message>
</context>
<context>
    <name>FileField</name>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Choose a file for {label}</source>
        <translation>Choisir un fichier pour {label}</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Choisir un fichier</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <source>Welcome to Chinwag</source>
        <translation>Bienvenue dans Chinwag</translation>
    </message>
    <message>
        <source>Chat on XMPP, Matrix and IRC from one window. Each account stays separate: its contacts and conversations are never mixed with another's.

To begin, add the account you use most. You can add more later.</source>
        <translation>Discutez sur XMPP, Matrix et IRC depuis une seule fenêtre. Chaque compte reste séparé : ses contacts et ses conversations ne sont jamais mélangés avec ceux d'un autre.

Pour commencer, ajoutez le compte que vous utilisez le plus. Vous pourrez en ajouter d'autres plus tard.</translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation>Introduction</translation>
    </message>
    <message>
        <source>Add a&amp;n account…</source>
        <translation>&amp;Ajouter un compte…</translation>
    </message>
    <message>
        <source>Add an account</source>
        <translation>Ajouter un compte</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>C&amp;ompte :</translation>
    </message>
    <message>
        <source>Please fill in: {fields}</source>
        <translation>Veuillez remplir : {fields}</translation>
    </message>
    <message>
        <source>Required, still empty</source>
        <translation>Obligatoire, encore vide</translation>
    </message>
</context>
<context>
    <name>HoverBar</name>
    <message>
        <source>React</source>
        <translation>Réagir</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Répondre</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>Autres actions</translation>
    </message>
    <message>
        <source>Message actions</source>
        <translation>Actions sur le message</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <source>Image: {name}</source>
        <translation>Image : {name}</translation>
    </message>
    <message>
        <source>Image viewer</source>
        <translation>Visionneuse d'images</translation>
    </message>
    <message>
        <source>Loading the image…</source>
        <translation>Chargement de l'image…</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Zoom level</source>
        <translation>Niveau de zoom</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom a&amp;vant</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <source>&amp;Fit</source>
        <translation>&amp;Ajuster</translation>
    </message>
    <message>
        <source>Fit to the window</source>
        <translation>Ajuster à la fenêtre</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>&amp;Taille réelle</translation>
    </message>
    <message>
        <source>Show at actual size</source>
        <translation>Afficher en taille réelle</translation>
    </message>
    <message>
        <source>&amp;Save a copy…</source>
        <translation>&amp;Enregistrer une copie…</translation>
    </message>
    <message>
        <source>Save a copy of the image</source>
        <translation>Enregistrer une copie de l'image</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>This file could not be shown as an image ({error}).</source>
        <translation>Ce fichier n'a pas pu être affiché comme image ({error}).</translation>
    </message>
    <message>
        <source>unknown format</source>
        <translation>format inconnu</translation>
    </message>
    <message>
        <source>{width} × {height} pixels</source>
        <translation>{width} × {height} pixels</translation>
    </message>
    <message>
        <source>{percent} %</source>
        <translation>{percent} %</translation>
    </message>
    <message>
        <source>{percent} % (fitted)</source>
        <translation>{percent} % (ajusté)</translation>
    </message>
    <message>
        <source>Could not save: {error}</source>
        <translation>Enregistrement impossible : {error}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening your conversations…</source>
        <translation>Ouverture de vos conversations…</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Chargement</translation>
    </message>
    <message>
        <source>Status and progress</source>
        <translation>État et progression</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Discussion</translation>
    </message>
    <message>
        <source>Nothing is waiting for an answer.</source>
        <translation>Rien n'attend de réponse.</translation>
    </message>
    <message>
        <source>Open a room first.</source>
        <translation>Ouvrez d'abord un salon.</translation>
    </message>
    <message>
        <source>Open this address in your web browser to continue: {url}</source>
        <translation>Ouvrez cette adresse dans votre navigateur web pour continuer : {url}</translation>
    </message>
    <message>
        <source>The plugin “{name}” could not be loaded: {reason}</source>
        <translation>Le module « {name} » n'a pas pu être chargé : {reason}</translation>
    </message>
    <message>
        <source>{account}: the server ended the session. Sign in again with Edit account; your messages and encryption keys are kept.</source>
        <translation>{account} : le serveur a mis fin à la session. Reconnectez-vous avec Modifier le compte ; vos messages et vos clés de chiffrement sont conservés.</translation>
    </message>
    <message>
        <source>{conversation} — Chinwag</source>
        <translation>{conversation} — Chinwag</translation>
    </message>
</context>
<context>
    <name>MemberListModel</name>
    <message>
        <source>owner</source>
        <translation>propriétaire</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>administrateur</translation>
    </message>
    <message>
        <source>moderator</source>
        <translation>modérateur</translation>
    </message>
    <message>
        <source>member</source>
        <translation>membre</translation>
    </message>
    <message>
        <source>visitor</source>
        <translation>visiteur</translation>
    </message>
    <message>
        <source>available</source>
        <translation>disponible</translation>
    </message>
    <message>
        <source>free to chat</source>
        <translation>disponible pour discuter</translation>
    </message>
    <message>
        <source>away</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>away for a while</source>
        <translation>absent pour un moment</translation>
    </message>
    <message>
        <source>do not disturb</source>
        <translation>ne pas déranger</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>hors ligne</translation>
    </message>
    <message>
        <source>presence unknown</source>
        <translation>présence inconnue</translation>
    </message>
</context>
<context>
    <name>MemberPanel</name>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>&amp;Remove from room</source>
        <translation>&amp;Retirer du salon</translation>
    </message>
    <message>
        <source>Remove the selected member from the room</source>
        <translation>Retirer le membre sélectionné du salon</translation>
    </message>
    <message>
        <source>&amp;Ban from room</source>
        <translation>&amp;Bannir du salon</translation>
    </message>
    <message>
        <source>Ban the selected member from the room</source>
        <translation>Bannir le membre sélectionné du salon</translation>
    </message>
    <message>
        <source>Bloc&amp;k…</source>
        <translation>B&amp;loquer…</translation>
    </message>
    <message>
        <source>Block the selected member</source>
        <translation>Bloquer le membre sélectionné</translation>
    </message>
    <message numerus="yes">
        <source>Members (%n)</source>
        <translation><numerusform>Membres (%n)</numerusform><numerusform>Membres (%n)</numerusform></translation>
    </message>
</context>
<context>
    <name>MessageActions</name>
    <message>
        <source>&amp;Reply</source>
        <translation>&amp;Répondre</translation>
    </message>
    <message>
        <source>Re&amp;act</source>
        <translation>Ré&amp;agir</translation>
    </message>
    <message>
        <source>Other…</source>
        <translation>Autre…</translation>
    </message>
    <message>
        <source>Open &amp;thread ({count})</source>
        <translation>Ouvrir le &amp;fil ({count})</translation>
    </message>
    <message>
        <source>Reply in t&amp;hread</source>
        <translation>Répondre dans le f&amp;il</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Modifier</translation>
    </message>
    <message>
        <source>&amp;Delete for everyone…</source>
        <translation>&amp;Supprimer pour tout le monde…</translation>
    </message>
    <message>
        <source>&amp;Copy text</source>
        <translation>&amp;Copier le texte</translation>
    </message>
    <message>
        <source>Copy &amp;link to the message</source>
        <translation>Copier le &amp;lien vers le message</translation>
    </message>
    <message>
        <source>Say when it was &amp;sent</source>
        <translation>Dire &amp;quand il a été envoyé</translation>
    </message>
    <message>
        <source>Open link {url}</source>
        <translation>Ouvrir le lien {url}</translation>
    </message>
    <message>
        <source>Open {name}</source>
        <translation>Ouvrir {name}</translation>
    </message>
    <message>
        <source>Download {name}</source>
        <translation>Télécharger {name}</translation>
    </message>
    <message>
        <source>Save {name} as…</source>
        <translation>Enregistrer {name} sous…</translation>
    </message>
    <message>
        <source>Show or hide the whole message</source>
        <translation>Afficher ou masquer le message entier</translation>
    </message>
    <message>
        <source>&amp;Retry sending</source>
        <translation>Réessa&amp;yer l'envoi</translation>
    </message>
    <message>
        <source>Re&amp;pair encryption with {who}</source>
        <translation>Ré&amp;parer le chiffrement avec {who}</translation>
    </message>
    <message>
        <source>&amp;Block {name}…</source>
        <translation>&amp;Bloquer {name}…</translation>
    </message>
    <message>
        <source>React</source>
        <translation>Réagir</translation>
    </message>
    <message>
        <source>&amp;Recent and quick reactions</source>
        <translation>Réactions &amp;récentes et rapides</translation>
    </message>
    <message>
        <source>Delete message</source>
        <translation>Supprimer le message</translation>
    </message>
    <message>
        <source>Delete this message for everyone in the conversation?</source>
        <translation>Supprimer ce message pour tous les participants de la conversation ?</translation>
    </message>
    <message>
        <source>New encryption sessions were started. Messages sent from now on can be read; ask for the unreadable ones again.</source>
        <translation>De nouvelles sessions de chiffrement ont été ouvertes. Les messages envoyés désormais pourront être lus ; redemandez ceux qui sont illisibles.</translation>
    </message>
    <message>
        <source>Images are never loaded</source>
        <translation>Les images ne sont jamais chargées</translation>
    </message>
    <message>
        <source>Your privacy setting says never to load images from the network, so {name} was not downloaded. Load images when you ask for them from now on?</source>
        <translation>Votre paramètre de confidentialité interdit de charger les images depuis le réseau : {name} n'a donc pas été téléchargée. Charger désormais les images à la demande ?</translation>
    </message>
    <message>
        <source>this image</source>
        <translation>cette image</translation>
    </message>
    <message>
        <source>&amp;Load when I ask, and get this one</source>
        <translation>&amp;Charger à la demande, et récupérer celle-ci</translation>
    </message>
    <message>
        <source>&amp;Keep never loading</source>
        <translation>&amp;Ne jamais charger</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>erreur inconnue</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Enregistrer la pièce jointe</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>Show more ({n} more characters)</source>
        <translation>Afficher plus ({n} caractères de plus)</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Télécharger</translation>
    </message>
    <message>
        <source>download failed: {error}</source>
        <translation>échec du téléchargement : {error}</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>downloading {percent}%</source>
        <translation>téléchargement {percent} %</translation>
    </message>
    <message>
        <source>downloading…</source>
        <translation>téléchargement…</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>modifié</translation>
    </message>
    <message>
        <source>New messages</source>
        <translation>Nouveaux messages</translation>
    </message>
    <message>
        <source>The message could not be sent.</source>
        <translation>Le message n'a pas pu être envoyé.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
</context>
<context>
    <name>MessageListModel</name>
    <message>
        <source>sending…</source>
        <translation>envoi…</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>envoyé</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>remis</translation>
    </message>
    <message>
        <source>read</source>
        <translation>lu</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>non envoyé</translation>
    </message>
    <message>
        <source>encrypted</source>
        <translation>chiffré</translation>
    </message>
    <message>
        <source>sent from an unverified device</source>
        <translation>envoyé depuis un appareil non vérifié</translation>
    </message>
    <message>
        <source>encrypted, verified</source>
        <translation>chiffré, vérifié</translation>
    </message>
    <message>
        <source>waiting for the key</source>
        <translation>en attente de la clé</translation>
    </message>
    <message>
        <source>could not be decrypted</source>
        <translation>impossible à déchiffrer</translation>
    </message>
    <message>
        <source>not encrypted</source>
        <translation>non chiffré</translation>
    </message>
    <message>
        <source>download failed</source>
        <translation>échec du téléchargement</translation>
    </message>
    <message>
        <source>downloaded</source>
        <translation>téléchargé</translation>
    </message>
    <message>
        <source>downloading {percent}%</source>
        <translation>téléchargement {percent} %</translation>
    </message>
    <message>
        <source>downloading</source>
        <translation>téléchargement</translation>
    </message>
    <message>
        <source>This message was deleted.</source>
        <translation>Ce message a été supprimé.</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd'hui</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Hier</translation>
    </message>
    <message>
        <source>In reply to an earlier message</source>
        <translation>En réponse à un message précédent</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) in thread</source>
        <translation><numerusform>%n message dans le fil</numerusform><numerusform>%n messages dans le fil</numerusform></translation>
    </message>
    <message>
        <source>{count}, latest from {sender}, {text}</source>
        <translation>{count}, le dernier de {sender}, {text}</translation>
    </message>
    <message>
        <source>{count}, latest from {sender}: {text}</source>
        <translation>{count}, le dernier de {sender} : {text}</translation>
    </message>
    <message>
        <source>link preview, {text}</source>
        <translation>aperçu du lien, {text}</translation>
    </message>
    <message>
        <source>in reply to {quote}</source>
        <translation>en réponse à {quote}</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>modifié</translation>
    </message>
    <message>
        <source>attachments, {names}</source>
        <translation>pièces jointes, {names}</translation>
    </message>
    <message>
        <source>reactions, {chips}</source>
        <translation>réactions, {chips}</translation>
    </message>
</context>
<context>
    <name>MessageView</name>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
</context>
<context>
    <name>NewRoomDialog</name>
    <message>
        <source>New room</source>
        <translation>Nouveau salon</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>C&amp;ompte :</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>Cré&amp;er</translation>
    </message>
    <message>
        <source>Add an account first.</source>
        <translation>Ajoutez d'abord un compte.</translation>
    </message>
    <message>
        <source>This account cannot create rooms right now (it is not connected, or its service has no rooms).</source>
        <translation>Ce compte ne peut pas créer de salon pour l'instant (il n'est pas connecté, ou son service n'a pas de salons).</translation>
    </message>
    <message>
        <source>Give the room a name or an address.</source>
        <translation>Donnez un nom ou une adresse au salon.</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Création…</translation>
    </message>
    <message>
        <source>The room could not be created.</source>
        <translation>Le salon n'a pas pu être créé.</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Notice</source>
        <translation>Avis</translation>
    </message>
    <message>
        <source>Notice text</source>
        <translation>Texte de l'avis</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Dismiss notice</source>
        <translation>Fermer l'avis</translation>
    </message>
    <message>
        <source>Error: </source>
        <translation>Erreur : </translation>
    </message>
    <message>
        <source>Warning: </source>
        <translation>Avertissement : </translation>
    </message>
    <message>
        <source>Error, {text}</source>
        <translation>Erreur, {text}</translation>
    </message>
    <message>
        <source>Warning, {text}</source>
        <translation>Avertissement, {text}</translation>
    </message>
    <message numerus="yes">
        <source>(%n more)</source>
        <translation><numerusform>(%n de plus)</numerusform><numerusform>(%n de plus)</numerusform></translation>
    </message>
</context>
<context>
    <name>NotificationCenter</name>
    <message numerus="yes">
        <source>%n new message(s)</source>
        <translation><numerusform>%n nouveau message</numerusform><numerusform>%n nouveaux messages</numerusform></translation>
    </message>
    <message>
        <source>sent {files}</source>
        <translation>a envoyé {files}</translation>
    </message>
</context>
<context>
    <name>PeopleActions</name>
    <message>
        <source>&amp;Chat</source>
        <translation>&amp;Discuter</translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation>Dé&amp;tails…</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>Re&amp;nommer…</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Retirer…</translation>
    </message>
    <message>
        <source>&amp;Block…</source>
        <translation>&amp;Bloquer…</translation>
    </message>
    <message>
        <source>&amp;Unblock</source>
        <translation>Déblo&amp;quer</translation>
    </message>
    <message>
        <source>&amp;Add a contact…</source>
        <translation>&amp;Ajouter un contact…</translation>
    </message>
    <message>
        <source>Blocked &amp;people…</source>
        <translation>&amp;Personnes bloquées…</translation>
    </message>
    <message>
        <source>Rename contact</source>
        <translation>Renommer le contact</translation>
    </message>
    <message>
        <source>Name for {address}:</source>
        <translation>Nom pour {address} :</translation>
    </message>
    <message>
        <source>Remove contact</source>
        <translation>Retirer le contact</translation>
    </message>
    <message>
        <source>Remove {name} from your contacts? You will no longer see each other's status.</source>
        <translation>Retirer {name} de vos contacts ? Vous ne verrez plus le statut l'un de l'autre.</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Bloquer</translation>
    </message>
    <message>
        <source>Block {name}? You will not get their messages, invitations or requests any more, and they are not told.</source>
        <translation>Bloquer {name} ? Vous ne recevrez plus ses messages, invitations ou demandes, et cette personne n'en sera pas informée.</translation>
    </message>
    <message>
        <source>&amp;Block</source>
        <translation>&amp;Bloquer</translation>
    </message>
    <message>
        <source>{who} is blocked.</source>
        <translation>{who} est bloqué.</translation>
    </message>
    <message>
        <source>{who} is no longer blocked.</source>
        <translation>{who} n'est plus bloqué.</translation>
    </message>
    <message>
        <source>That did not work.</source>
        <translation>Cela n'a pas fonctionné.</translation>
    </message>
</context>
<context>
    <name>Phrasing</name>
    <message>
        <source>from {sender}</source>
        <translation>de {sender}</translation>
    </message>
    <message>
        <source>from {first} and {second}</source>
        <translation>de {first} et {second}</translation>
    </message>
    <message numerus="yes">
        <source>from {first} and %n other(s)</source>
        <translation><numerusform>de {first} et %n autre personne</numerusform><numerusform>de {first} et %n autres personnes</numerusform></translation>
    </message>
    <message>
        <source>{conversation} on {account}</source>
        <translation>{conversation} sur {account}</translation>
    </message>
    <message>
        <source>{sender} on {account}</source>
        <translation>{sender} sur {account}</translation>
    </message>
    <message numerus="yes">
        <source>%n new private message(s) from {sender}</source>
        <translation><numerusform>%n nouveau message privé de {sender}</numerusform><numerusform>%n nouveaux messages privés de {sender}</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s) in {conversation}</source>
        <translation><numerusform>%n nouveau message dans {conversation}</numerusform><numerusform>%n nouveaux messages dans {conversation}</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n mentioning you</source>
        <translation><numerusform>%n vous mentionne</numerusform><numerusform>%n vous mentionnent</numerusform></translation>
    </message>
    <message>
        <source>Private message from {sender}, {text}</source>
        <translation>Message privé de {sender}, {text}</translation>
    </message>
    <message>
        <source>{sender}, {text}</source>
        <translation>{sender}, {text}</translation>
    </message>
    <message>
        <source>{sender} mentioned you in {conversation}, {text}</source>
        <translation>{sender} vous a mentionné dans {conversation}, {text}</translation>
    </message>
    <message>
        <source>{sender} in {conversation}, {text}</source>
        <translation>{sender} dans {conversation}, {text}</translation>
    </message>
</context>
<context>
    <name>PresenceWords</name>
    <message>
        <source>active just now</source>
        <translation>actif à l'instant</translation>
    </message>
    <message numerus="yes">
        <source>last seen %n minute(s) ago</source>
        <translation><numerusform>vu pour la dernière fois il y a %n minute</numerusform><numerusform>vu pour la dernière fois il y a %n minutes</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>last seen %n hour(s) ago</source>
        <translation><numerusform>vu pour la dernière fois il y a %n heure</numerusform><numerusform>vu pour la dernière fois il y a %n heures</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>last seen %n day(s) ago</source>
        <translation><numerusform>vu pour la dernière fois il y a %n jour</numerusform><numerusform>vu pour la dernière fois il y a %n jours</numerusform></translation>
    </message>
</context>
<context>
    <name>ProblemLabel</name>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
</context>
<context>
    <name>ProgressLine</name>
    <message>
        <source>{account}: {label} done</source>
        <translation>{account} : {label} terminé</translation>
    </message>
    <message>
        <source>{account}: {label} {done} of {total}</source>
        <translation>{account} : {label} {done} sur {total}</translation>
    </message>
    <message>
        <source>{account}: {label} ({done})</source>
        <translation>{account} : {label} ({done})</translation>
    </message>
</context>
<context>
    <name>QuickSwitcher</name>
    <message>
        <source>Go to conversation</source>
        <translation>Aller à une conversation</translation>
    </message>
    <message>
        <source>{name}, direct</source>
        <translation>{name}, directe</translation>
    </message>
    <message>
        <source>{name}, {account}</source>
        <translation>{name}, {account}</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation><numerusform>%n non lu</numerusform><numerusform>%n non lus</numerusform></translation>
    </message>
    <message>
        <source>Conversation name</source>
        <translation>Nom de la conversation</translation>
    </message>
    <message>
        <source>Type part of a name…</source>
        <translation>Tapez une partie d'un nom…</translation>
    </message>
    <message>
        <source>Matching conversations</source>
        <translation>Conversations correspondantes</translation>
    </message>
    <message>
        <source>&amp;Go to:</source>
        <translation>&amp;Aller à :</translation>
    </message>
    <message numerus="yes">
        <source>%n conversation(s) found, first {entry}</source>
        <translation><numerusform>%n conversation trouvée, en premier {entry}</numerusform><numerusform>%n conversations trouvées, en premier {entry}</numerusform></translation>
    </message>
    <message>
        <source>No conversation found</source>
        <translation>Aucune conversation trouvée</translation>
    </message>
</context>
<context>
    <name>RequestsPanel</name>
    <message>
        <source>Requests waiting for you</source>
        <translation>Demandes en attente</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Demandes</translation>
    </message>
    <message>
        <source>{who} ({address}) wants to add you as a contact on {account}.</source>
        <translation>{who} ({address}) souhaite vous ajouter à ses contacts sur {account}.</translation>
    </message>
    <message>
        <source>They wrote: {message}</source>
        <translation>Message : {message}</translation>
    </message>
    <message>
        <source>{who} wants to verify your device on {account}, to trust each other's encrypted messages.</source>
        <translation>{who} souhaite vérifier votre appareil sur {account}, pour que vous puissiez vous fier mutuellement à vos messages chiffrés.</translation>
    </message>
    <message>
        <source>{who} wants to send you a file on {account}: {name}</source>
        <translation>{who} souhaite vous envoyer un fichier sur {account} : {name}</translation>
    </message>
    <message>
        <source>Accept files from this person?</source>
        <translation>Accepter les fichiers de cette personne ?</translation>
    </message>
    <message>
        <source>{inviter} invites you to {room} on {account}.</source>
        <translation>{inviter} vous invite dans {room} sur {account}.</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accepter</translation>
    </message>
    <message>
        <source>Accept: {text}</source>
        <translation>Accepter : {text}</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Refuser</translation>
    </message>
    <message>
        <source>Decline: {text}</source>
        <translation>Refuser : {text}</translation>
    </message>
    <message numerus="yes">
        <source>Requests (%n)</source>
        <translation><numerusform>Demandes (%n)</numerusform><numerusform>Demandes (%n)</numerusform></translation>
    </message>
</context>
<context>
    <name>RoomDirectoryDialog</name>
    <message>
        <source>Browse rooms</source>
        <translation>Parcourir les salons</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Search rooms</source>
        <translation>Rechercher des salons</translation>
    </message>
    <message>
        <source>Name or topic…</source>
        <translation>Nom ou sujet…</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Effacer la recherche</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>C&amp;ompte :</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>Re&amp;chercher :</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>État de la recherche</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Salons</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>&amp;Rejoindre</translation>
    </message>
    <message>
        <source>Looking for accounts with a room directory…</source>
        <translation>Recherche des comptes disposant d'un annuaire de salons…</translation>
    </message>
    <message>
        <source>None of your connected accounts has a room directory to browse.</source>
        <translation>Aucun de vos comptes connectés n'a d'annuaire de salons à parcourir.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>The room list could not be fetched.</source>
        <translation>La liste des salons n'a pas pu être récupérée.</translation>
    </message>
    <message numerus="yes">
        <source>%n room(s)</source>
        <translation><numerusform>%n salon</numerusform><numerusform>%n salons</numerusform></translation>
    </message>
</context>
<context>
    <name>RoomListModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message numerus="yes">
        <source>{name}, %n member(s)</source>
        <translation><numerusform>{name}, %n membre</numerusform><numerusform>{name}, %n membres</numerusform></translation>
    </message>
</context>
<context>
    <name>RoomOptionsForm</name>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>Room name</source>
        <translation>Nom du salon</translation>
    </message>
    <message>
        <source>Add&amp;ress:</source>
        <translation>A&amp;dresse :</translation>
    </message>
    <message>
        <source>Room address (optional)</source>
        <translation>Adresse du salon (facultative)</translation>
    </message>
    <message>
        <source>Chosen from the name when left empty</source>
        <translation>Déduite du nom si laissée vide</translation>
    </message>
    <message>
        <source>&amp;Topic:</source>
        <translation>&amp;Sujet :</translation>
    </message>
    <message>
        <source>Topic or description</source>
        <translation>Sujet ou description</translation>
    </message>
    <message>
        <source>Who can join</source>
        <translation>Qui peut rejoindre</translation>
    </message>
    <message>
        <source>&amp;Who can join:</source>
        <translation>&amp;Qui peut rejoindre :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Mot de &amp;passe :</translation>
    </message>
    <message>
        <source>Room password (optional)</source>
        <translation>Mot de passe du salon (facultatif)</translation>
    </message>
    <message>
        <source>&amp;Keep the room when everyone has left</source>
        <translation>&amp;Garder le salon quand tout le monde est parti</translation>
    </message>
    <message>
        <source>&amp;Moderated: only people given a voice may write</source>
        <translation>&amp;Modéré : seules les personnes ayant la parole peuvent écrire</translation>
    </message>
    <message>
        <source>&amp;End-to-end encrypted</source>
        <translation>&amp;Chiffré de bout en bout</translation>
    </message>
    <message>
        <source>&amp;Invite:</source>
        <translation>&amp;Inviter :</translation>
    </message>
    <message>
        <source>People to invite, separated by commas</source>
        <translation>Personnes à inviter, séparées par des virgules</translation>
    </message>
    <message>
        <source>Addresses, separated by commas</source>
        <translation>Adresses, séparées par des virgules</translation>
    </message>
    <message>
        <source>Anyone: listed in the room directory</source>
        <translation>Tout le monde : listé dans l'annuaire des salons</translation>
    </message>
    <message>
        <source>Anyone who knows the address</source>
        <translation>Toute personne qui connaît l'adresse</translation>
    </message>
    <message>
        <source>Only people who are invited</source>
        <translation>Seulement les personnes invitées</translation>
    </message>
    <message>
        <source>Invited people; others may ask to join</source>
        <translation>Les personnes invitées ; les autres peuvent demander à rejoindre</translation>
    </message>
</context>
<context>
    <name>RoomSettingsDialog</name>
    <message>
        <source>Settings of {room}</source>
        <translation>Paramètres de {room}</translation>
    </message>
    <message>
        <source>Room settings</source>
        <translation>Paramètres du salon</translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation>&amp;Enregistrer les modifications</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Enregistrer les modifications</translation>
    </message>
    <message>
        <source>C&amp;lose the room for everyone…</source>
        <translation>&amp;Fermer le salon pour tout le monde…</translation>
    </message>
    <message>
        <source>Close the room for everyone</source>
        <translation>Fermer le salon pour tout le monde</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Général</translation>
    </message>
    <message>
        <source>People in the room</source>
        <translation>Personnes dans le salon</translation>
    </message>
    <message>
        <source>Role to give</source>
        <translation>Rôle à attribuer</translation>
    </message>
    <message>
        <source>Gi&amp;ve role</source>
        <translation>&amp;Attribuer le rôle</translation>
    </message>
    <message>
        <source>Give the chosen role to the selected person</source>
        <translation>Attribuer le rôle choisi à la personne sélectionnée</translation>
    </message>
    <message>
        <source>&amp;People:</source>
        <translation>&amp;Personnes :</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rôle :</translation>
    </message>
    <message>
        <source>Pe&amp;ople and roles</source>
        <translation>Pers&amp;onnes et rôles</translation>
    </message>
    <message>
        <source>Banned</source>
        <translation>Bannis</translation>
    </message>
    <message>
        <source>Address or mask to ban</source>
        <translation>Adresse ou masque à bannir</translation>
    </message>
    <message>
        <source>An address, or a mask such as *!*@spam.example</source>
        <translation>Une adresse, ou un masque comme *!*@spam.example</translation>
    </message>
    <message>
        <source>&amp;Ban</source>
        <translation>&amp;Bannir</translation>
    </message>
    <message>
        <source>Ban this address or mask</source>
        <translation>Bannir cette adresse ou ce masque</translation>
    </message>
    <message>
        <source>Lift the ba&amp;n</source>
        <translation>Lever le ba&amp;nnissement</translation>
    </message>
    <message>
        <source>Lift the selected ban</source>
        <translation>Lever le bannissement sélectionné</translation>
    </message>
    <message>
        <source>Banned from the room:</source>
        <translation>Bannis du salon :</translation>
    </message>
    <message>
        <source>&amp;Address or mask:</source>
        <translation>&amp;Adresse ou masque :</translation>
    </message>
    <message>
        <source>&amp;Bans</source>
        <translation>&amp;Bannissements</translation>
    </message>
    <message>
        <source>Reading the room's settings…</source>
        <translation>Lecture des paramètres du salon…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>The settings could not be read.</source>
        <translation>Les paramètres n'ont pas pu être lus.</translation>
    </message>
    <message>
        <source>You may change this room's settings.</source>
        <translation>Vous pouvez modifier les paramètres de ce salon.</translation>
    </message>
    <message>
        <source>Only the room's owners may change its settings.</source>
        <translation>Seuls les propriétaires du salon peuvent en modifier les paramètres.</translation>
    </message>
    <message>
        <source>(by {who})</source>
        <translation>(par {who})</translation>
    </message>
    <message>
        <source>Nobody is banned.</source>
        <translation>Personne n'est banni.</translation>
    </message>
    <message>
        <source>The room's settings were saved.</source>
        <translation>Les paramètres du salon ont été enregistrés.</translation>
    </message>
    <message>
        <source>Choose a person in the list first.</source>
        <translation>Choisissez d'abord une personne dans la liste.</translation>
    </message>
    <message>
        <source>{who} is now {role}.</source>
        <translation>{who} est maintenant {role}.</translation>
    </message>
    <message>
        <source>Type an address or a mask to ban.</source>
        <translation>Saisissez une adresse ou un masque à bannir.</translation>
    </message>
    <message>
        <source>{who} is banned.</source>
        <translation>{who} est banni.</translation>
    </message>
    <message>
        <source>Choose a ban in the list first.</source>
        <translation>Choisissez d'abord un bannissement dans la liste.</translation>
    </message>
    <message>
        <source>The ban on {who} was lifted.</source>
        <translation>Le bannissement de {who} a été levé.</translation>
    </message>
    <message>
        <source>Close the room</source>
        <translation>Fermer le salon</translation>
    </message>
    <message>
        <source>Close this room for everyone? Everybody in it is removed, and it cannot be joined again.</source>
        <translation>Fermer ce salon pour tout le monde ? Toutes les personnes présentes en seront retirées, et il ne pourra plus être rejoint.</translation>
    </message>
    <message>
        <source>Close the &amp;room</source>
        <translation>Fermer le &amp;salon</translation>
    </message>
    <message>
        <source>The room was closed.</source>
        <translation>Le salon a été fermé.</translation>
    </message>
    <message>
        <source>That did not work.</source>
        <translation>Cela n'a pas fonctionné.</translation>
    </message>
</context>
<context>
    <name>ScreenReaderOffer</name>
    <message>
        <source>Screen-reader mode</source>
        <translation>Mode lecteur d'écran</translation>
    </message>
    <message>
        <source>A screen reader is running. Chinwag has a mode for it: the keyboard starts in the conversation list, message times are read only when you ask (Ctrl+T), and nothing is animated. You can change this later in Settings.</source>
        <translation>Un lecteur d'écran est en cours d'exécution. Chinwag dispose d'un mode adapté : le clavier démarre dans la liste des conversations, l'heure des messages n'est lue que sur demande (Ctrl+T) et rien n'est animé. Vous pourrez changer cela plus tard dans les Paramètres.</translation>
    </message>
    <message>
        <source>&amp;Turn on screen-reader mode</source>
        <translation>&amp;Activer le mode lecteur d'écran</translation>
    </message>
    <message>
        <source>Turn on screen-reader mode</source>
        <translation>Activer le mode lecteur d'écran</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>&amp;Pas maintenant</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Pas maintenant</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Search all accounts</source>
        <translation>Rechercher dans tous les comptes</translation>
    </message>
    <message>
        <source>Search in {name}</source>
        <translation>Rechercher dans {name}</translation>
    </message>
    <message>
        <source>Search for</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Words to find…</source>
        <translation>Mots à rechercher…</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Effacer la recherche</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>État de la recherche</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>Re&amp;chercher :</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>The search failed.</source>
        <translation>La recherche a échoué.</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation><numerusform>%n résultat</numerusform><numerusform>%n résultats</numerusform></translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>{sender} in {where}, {account}, {when}. {body}</source>
        <translation>{sender} dans {where}, {account}, {when}. {body}</translation>
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
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Suivre le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Contraste élevé</translation>
    </message>
    <message>
        <source>Text size in percent</source>
        <translation>Taille du texte en pourcentage</translation>
    </message>
    <message>
        <source>Show desktop notifications</source>
        <translation>Afficher les notifications du bureau</translation>
    </message>
    <message>
        <source>Load images from the network</source>
        <translation>Charger les images depuis le réseau</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>When I ask</source>
        <translation>À la demande</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>Toujours</translation>
    </message>
    <message>
        <source>Let others see when I am typing</source>
        <translation>Montrer aux autres quand j'écris</translation>
    </message>
    <message>
        <source>Send read receipts</source>
        <translation>Envoyer des accusés de lecture</translation>
    </message>
    <message>
        <source>Accept new private conversations only from contacts</source>
        <translation>N'accepter de nouvelles conversations privées que de mes contacts</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apparence</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Thème :</translation>
    </message>
    <message>
        <source>Text si&amp;ze:</source>
        <translation>Taille du te&amp;xte :</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Confidentialité</translation>
    </message>
    <message>
        <source>&amp;Images:</source>
        <translation>&amp;Images :</translation>
    </message>
    <message>
        <source>Show previews of web links</source>
        <translation>Afficher un aperçu des liens web</translation>
    </message>
    <message>
        <source>Your server fetches each linked page for you (the site never sees your address). Never in end-to-end encrypted conversations.</source>
        <translation>Votre serveur récupère chaque page liée pour vous (le site ne voit jamais votre adresse). Jamais dans les conversations chiffrées de bout en bout.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Pages des paramètres</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Général</translation>
    </message>
    <message>
        <source>A&amp;ccessibility</source>
        <translation>A&amp;ccessibilité</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>go to a conversation by name</source>
        <translation>aller à une conversation par son nom</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>activity of every account, mentions and requests</source>
        <translation>activité de tous les comptes, mentions et demandes</translation>
    </message>
    <message>
        <source>F6, Shift+F6</source>
        <translation>F6, Maj+F6</translation>
    </message>
    <message>
        <source>next or previous region</source>
        <translation>région suivante ou précédente</translation>
    </message>
    <message>
        <source>Alt+Up, Alt+Down</source>
        <translation>Alt+Haut, Alt+Bas</translation>
    </message>
    <message>
        <source>previous or next conversation</source>
        <translation>conversation précédente ou suivante</translation>
    </message>
    <message>
        <source>Alt+Shift+Up, Alt+Shift+Down</source>
        <translation>Alt+Maj+Haut, Alt+Maj+Bas</translation>
    </message>
    <message>
        <source>previous or next unread</source>
        <translation>non lue précédente ou suivante</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>write a message</source>
        <translation>écrire un message</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>in the message field, send</source>
        <translation>dans le champ de message, envoyer</translation>
    </message>
    <message>
        <source>Shift+Enter</source>
        <translation>Maj+Entrée</translation>
    </message>
    <message>
        <source>in the message field, a new line</source>
        <translation>dans le champ de message, une nouvelle ligne</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Haut</translation>
    </message>
    <message>
        <source>in an empty message field, edit your last message</source>
        <translation>dans un champ de message vide, modifier votre dernier message</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>in the message field, complete a name</source>
        <translation>dans le champ de message, compléter un nom</translation>
    </message>
    <message>
        <source>Ctrl+;</source>
        <translation>Ctrl+;</translation>
    </message>
    <message>
        <source>in the message field, insert an emoji</source>
        <translation>dans le champ de message, insérer un émoji</translation>
    </message>
    <message>
        <source>Escape</source>
        <translation>Échap</translation>
    </message>
    <message>
        <source>from the message field, to the messages</source>
        <translation>du champ de message, aller aux messages</translation>
    </message>
    <message>
        <source>Up, Down</source>
        <translation>Haut, Bas</translation>
    </message>
    <message>
        <source>in the messages, one message at a time</source>
        <translation>dans les messages, un message à la fois</translation>
    </message>
    <message>
        <source>Home, End</source>
        <translation>Début, Fin</translation>
    </message>
    <message>
        <source>in the messages, the first loaded and the newest</source>
        <translation>dans les messages, le premier chargé et le plus récent</translation>
    </message>
    <message>
        <source>on a message, open its attachment or link</source>
        <translation>sur un message, ouvrir sa pièce jointe ou son lien</translation>
    </message>
    <message>
        <source>Menu key, Shift+F10</source>
        <translation>Touche Menu, Maj+F10</translation>
    </message>
    <message>
        <source>on a message, all it offers</source>
        <translation>sur un message, toutes ses actions</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>on a message, reply</source>
        <translation>sur un message, répondre</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Maj+R</translation>
    </message>
    <message>
        <source>on a message, react</source>
        <translation>sur un message, réagir</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>on your message, edit</source>
        <translation>sur votre message, modifier</translation>
    </message>
    <message>
        <source>Ctrl+C</source>
        <translation>Ctrl+C</translation>
    </message>
    <message>
        <source>on a message, copy its text</source>
        <translation>sur un message, copier son texte</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>on a message, say when it was sent</source>
        <translation>sur un message, dire quand il a été envoyé</translation>
    </message>
    <message>
        <source>Ctrl+End</source>
        <translation>Ctrl+Fin</translation>
    </message>
    <message>
        <source>jump to the latest messages</source>
        <translation>aller aux messages les plus récents</translation>
    </message>
    <message>
        <source>Ctrl+F, Ctrl+Shift+F</source>
        <translation>Ctrl+F, Ctrl+Maj+F</translation>
    </message>
    <message>
        <source>search here, search everywhere</source>
        <translation>rechercher ici, rechercher partout</translation>
    </message>
    <message>
        <source>{keys}, {what}</source>
        <translation>{keys}, {what}</translation>
    </message>
    <message>
        <source>&amp;Keys:</source>
        <translation>&amp;Touches :</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Filter conversations</source>
        <translation>Filtrer les conversations</translation>
    </message>
    <message>
        <source>Down goes to the list</source>
        <translation>Bas va à la liste</translation>
    </message>
    <message>
        <source>Filter conversations…</source>
        <translation>Filtrer les conversations…</translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>Effacer le filtre</translation>
    </message>
    <message>
        <source>Accounts and conversations</source>
        <translation>Comptes et conversations</translation>
    </message>
    <message>
        <source>Co&amp;nversations</source>
        <translation>Co&amp;nversations</translation>
    </message>
</context>
<context>
    <name>SidebarModel</name>
    <message>
        <source>disabled</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>hors ligne</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>connexion…</translation>
    </message>
    <message>
        <source>online</source>
        <translation>en ligne</translation>
    </message>
    <message>
        <source>reconnecting…</source>
        <translation>reconnexion…</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation>requiert votre attention</translation>
    </message>
    <message>
        <source>group</source>
        <translation>de groupe</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>directe</translation>
    </message>
    <message>
        <source>{kind} conversation on {service}, account {account}</source>
        <translation>conversation {kind} sur {service}, compte {account}</translation>
    </message>
    <message>
        <source>{name}, {service} account at {server}, {state}</source>
        <translation>{name}, compte {service} sur {server}, {state}</translation>
    </message>
    <message>
        <source>{name}, {service} account, {state}</source>
        <translation>{name}, compte {service}, {state}</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation><numerusform>%n non lu</numerusform><numerusform>%n non lus</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n mentioning you</source>
        <translation><numerusform>%n vous mentionne</numerusform><numerusform>%n vous mentionnent</numerusform></translation>
    </message>
</context>
<context>
    <name>SignUpPage</name>
    <message>
        <source>What the server asks</source>
        <translation>Ce que demande le serveur</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Read it</source>
        <translation>Le lire</translation>
    </message>
    <message>
        <source>Read: {label}</source>
        <translation>Lire : {label}</translation>
    </message>
    <message>
        <source>Open the server's page in the browser</source>
        <translation>Ouvrir la page du serveur dans le navigateur</translation>
    </message>
</context>
<context>
    <name>SpaceFilter</name>
    <message>
        <source>Space</source>
        <translation>Espace</translation>
    </message>
    <message>
        <source>Shows only the conversations of one space and its sub-spaces.</source>
        <translation>N'affiche que les conversations d'un espace et de ses sous-espaces.</translation>
    </message>
    <message>
        <source>Rooms…</source>
        <translation>Salons…</translation>
    </message>
    <message>
        <source>Rooms in this space</source>
        <translation>Salons de cet espace</translation>
    </message>
    <message>
        <source>Rooms in this space, to join</source>
        <translation>Salons de cet espace, à rejoindre</translation>
    </message>
    <message>
        <source>All conversations</source>
        <translation>Toutes les conversations</translation>
    </message>
    <message numerus="yes">
        <source>{name} — %n unread, mentions you</source>
        <translation><numerusform>{name} — %n non lu, vous mentionne</numerusform><numerusform>{name} — %n non lus, vous mentionne</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>{name} — %n unread</source>
        <translation><numerusform>{name} — %n non lu</numerusform><numerusform>{name} — %n non lus</numerusform></translation>
    </message>
</context>
<context>
    <name>SpaceRoomsDialog</name>
    <message>
        <source>Rooms in {space}</source>
        <translation>Salons de {space}</translation>
    </message>
    <message>
        <source>Loading the rooms of the space…</source>
        <translation>Chargement des salons de l'espace…</translation>
    </message>
    <message>
        <source>Rooms in the space</source>
        <translation>Salons de l'espace</translation>
    </message>
    <message>
        <source>&amp;Rooms</source>
        <translation>&amp;Salons</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>&amp;Rejoindre</translation>
    </message>
    <message>
        <source>The rooms could not be listed: {error}</source>
        <translation>Les salons n'ont pas pu être listés : {error}</translation>
    </message>
    <message numerus="yes">
        <source>The space holds more rooms than can be listed; here are the first %n.</source>
        <translation><numerusform>L'espace contient plus de salons qu'il n'est possible d'en lister ; voici le premier.</numerusform><numerusform>L'espace contient plus de salons qu'il n'est possible d'en lister ; voici les %n premiers.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n room(s) in this space.</source>
        <translation><numerusform>%n salon dans cet espace.</numerusform><numerusform>%n salons dans cet espace.</numerusform></translation>
    </message>
    <message>
        <source>This space holds no rooms you can see.</source>
        <translation>Cet espace ne contient aucun salon visible pour vous.</translation>
    </message>
    <message>
        <source>(space)</source>
        <translation>(espace)</translation>
    </message>
    <message>
        <source>— joined</source>
        <translation>— rejoint</translation>
    </message>
    <message>
        <source>sub-space</source>
        <translation>sous-espace</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation><numerusform>%n membre</numerusform><numerusform>%n membres</numerusform></translation>
    </message>
    <message>
        <source>joined</source>
        <translation>rejoint</translation>
    </message>
    <message>
        <source>not joined</source>
        <translation>non rejoint</translation>
    </message>
    <message>
        <source>Joining {name}…</source>
        <translation>Entrée dans {name}…</translation>
    </message>
    <message>
        <source>You joined {name}.</source>
        <translation>Vous avez rejoint {name}.</translation>
    </message>
    <message>
        <source>{name} could not be joined: {reason}</source>
        <translation>Impossible de rejoindre {name} : {reason}</translation>
    </message>
</context>
<context>
    <name>SsoProviders</name>
    <message>
        <source>Sign in through a web page</source>
        <translation>Se connecter via une page web</translation>
    </message>
    <message>
        <source>Sign in through your organisation's page:</source>
        <translation>Se connecter via la page de votre organisation :</translation>
    </message>
    <message>
        <source>This server signs you in through a web page:</source>
        <translation>Ce serveur vous connecte via une page web :</translation>
    </message>
    <message>
        <source>Sign in with {name}</source>
        <translation>Se connecter avec {name}</translation>
    </message>
    <message>
        <source>Opens your web browser; come back here when you are signed in.</source>
        <translation>Ouvre votre navigateur web ; revenez ici une fois connecté.</translation>
    </message>
</context>
<context>
    <name>ThreadPanel</name>
    <message>
        <source>Thread</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>Close thread</source>
        <translation>Fermer le fil</translation>
    </message>
    <message>
        <source>Close the thread</source>
        <translation>Fermer le fil de discussion</translation>
    </message>
    <message>
        <source>Messages of the thread</source>
        <translation>Messages du fil</translation>
    </message>
    <message>
        <source>Answer in the thread</source>
        <translation>Répondre dans le fil</translation>
    </message>
    <message>
        <source>Answer in the thread…</source>
        <translation>Répondre dans le fil…</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>Joindre…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Send in the thread</source>
        <translation>Envoyer dans le fil</translation>
    </message>
    <message>
        <source>Emoji…</source>
        <translation>Émoji…</translation>
    </message>
    <message>
        <source>Thread started by {who}</source>
        <translation>Fil lancé par {who}</translation>
    </message>
    <message>
        <source>Thread started by {who}: {text}</source>
        <translation>Fil lancé par {who} : {text}</translation>
    </message>
    <message>
        <source>The answer could not be sent.</source>
        <translation>La réponse n'a pas pu être envoyée.</translation>
    </message>
    <message>
        <source>Loading the thread…</source>
        <translation>Chargement du fil…</translation>
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
        <translation><numerusform>Chinwag — %n non lu</numerusform><numerusform>Chinwag — %n non lus</numerusform></translation>
    </message>
</context>
<context>
    <name>UriHandler</name>
    <message>
        <source>This link cannot be opened: {problem} ({uri})</source>
        <translation>Ce lien ne peut pas être ouvert : {problem} ({uri})</translation>
    </message>
    <message>
        <source>You already have an account on {server}: “{account}”.</source>
        <translation>Vous avez déjà un compte sur {server} : « {account} ».</translation>
    </message>
    <message>
        <source>{address} opens once “{account}” is connected.</source>
        <translation>{address} s'ouvrira une fois « {account} » connecté.</translation>
    </message>
    <message>
        <source>“{account}” is not connected, so {address} cannot be opened. Enable or edit the account in the Accounts menu, then open the link again.</source>
        <translation>« {account} » n'est pas connecté : {address} ne peut donc pas être ouvert. Activez ou modifiez le compte dans le menu Comptes, puis ouvrez à nouveau le lien.</translation>
    </message>
    <message>
        <source>The link could not be opened: {reason}</source>
        <translation>Le lien n'a pas pu être ouvert : {reason}</translation>
    </message>
    <message>
        <source>that did not work</source>
        <translation>cela n'a pas fonctionné</translation>
    </message>
    <message>
        <source>You have no IRC account on {server} to open {uri}. Add one: the link opens once it is added.</source>
        <translation>Vous n'avez aucun compte IRC sur {server} pour ouvrir {uri}. Ajoutez-en un : le lien s'ouvrira une fois le compte ajouté.</translation>
    </message>
    <message>
        <source>You have no {protocol} account to open {uri}. Add one: the link opens once it is added.</source>
        <translation>Vous n'avez aucun compte {protocol} pour ouvrir {uri}. Ajoutez-en un : le lien s'ouvrira une fois le compte ajouté.</translation>
    </message>
    <message>
        <source>the link is empty</source>
        <translation>le lien est vide</translation>
    </message>
    <message>
        <source>the link is too long</source>
        <translation>le lien est trop long</translation>
    </message>
    <message>
        <source>Chinwag opens xmpp:, matrix:, irc: and ircs: links</source>
        <translation>Chinwag ouvre les liens xmpp:, matrix:, irc: et ircs:</translation>
    </message>
    <message>
        <source>the link is malformed</source>
        <translation>le lien est mal formé</translation>
    </message>
    <message>
        <source>it names no person, room or server</source>
        <translation>il ne désigne aucune personne, aucun salon ni aucun serveur</translation>
    </message>
    <message>
        <source>the address in it is not valid</source>
        <translation>l'adresse qu'il contient n'est pas valide</translation>
    </message>
    <message>
        <source>the port in it is not valid</source>
        <translation>le port qu'il contient n'est pas valide</translation>
    </message>
    <message>
        <source>this kind of link is not supported</source>
        <translation>ce type de lien n'est pas pris en charge</translation>
    </message>
</context>
<context>
    <name>Verbosity</name>
    <message>
        <source>Sender</source>
        <translation>Expéditeur</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Message replied to</source>
        <translation>Message auquel il répond</translation>
    </message>
    <message>
        <source>Reactions</source>
        <translation>Réactions</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Pièces jointes</translation>
    </message>
    <message>
        <source>Delivery state</source>
        <translation>État de remise</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Chiffrement</translation>
    </message>
    <message>
        <source>Thread</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>Link preview</source>
        <translation>Aperçu du lien</translation>
    </message>
</context>
<context>
    <name>VerificationDialog</name>
    <message>
        <source>Verify {who}</source>
        <translation>Vérifier {who}</translation>
    </message>
    <message>
        <source>Verification status</source>
        <translation>État de la vérification</translation>
    </message>
    <message>
        <source>They &amp;match</source>
        <translation>Ils &amp;correspondent</translation>
    </message>
    <message>
        <source>The emojis match</source>
        <translation>Les émojis correspondent</translation>
    </message>
    <message>
        <source>They do&amp;n't match</source>
        <translation>Ils ne correspondent &amp;pas</translation>
    </message>
    <message>
        <source>The emojis do not match</source>
        <translation>Les émojis ne correspondent pas</translation>
    </message>
    <message>
        <source>Cancel verification</source>
        <translation>Annuler la vérification</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Waiting for {who} to accept on their device…</source>
        <translation>En attente de l'acceptation de {who} sur son appareil…</translation>
    </message>
    <message>
        <source>Both sides agreed. Preparing the emojis…</source>
        <translation>Les deux parties ont accepté. Préparation des émojis…</translation>
    </message>
    <message>
        <source>Compare these emojis with the ones {who} sees, in the same order. Only confirm if they are identical.</source>
        <translation>Comparez ces émojis avec ceux que voit {who}, dans le même ordre. Ne confirmez que s'ils sont identiques.</translation>
    </message>
    <message>
        <source>{who}'s device is verified. Messages from it are now trusted.</source>
        <translation>L'appareil de {who} est vérifié. Ses messages sont désormais considérés comme fiables.</translation>
    </message>
    <message>
        <source>The verification was stopped: {reason}</source>
        <translation>La vérification a été interrompue : {reason}</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>aucun motif indiqué</translation>
    </message>
    <message>
        <source>Emojis: {names}</source>
        <translation>Émojis : {names}</translation>
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
        <translation>&amp;Ajouter un compte…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>C&amp;omptes</translation>
    </message>
    <message>
        <source>&amp;Edit account…</source>
        <translation>&amp;Modifier le compte…</translation>
    </message>
    <message>
        <source>Enable or &amp;disable account</source>
        <translation>&amp;Activer ou désactiver le compte</translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation>&amp;Reconnecter</translation>
    </message>
    <message>
        <source>Re&amp;move account…</source>
        <translation>Su&amp;pprimer le compte…</translation>
    </message>
    <message>
        <source>My &amp;status</source>
        <translation>Mon &amp;statut</translation>
    </message>
    <message>
        <source>&amp;Available</source>
        <translation>&amp;Disponible</translation>
    </message>
    <message>
        <source>A&amp;way</source>
        <translation>&amp;Absent</translation>
    </message>
    <message>
        <source>Away for a w&amp;hile</source>
        <translation>Absent pour un mo&amp;ment</translation>
    </message>
    <message>
        <source>&amp;Do not disturb</source>
        <translation>&amp;Ne pas déranger</translation>
    </message>
    <message>
        <source>Status &amp;message…</source>
        <translation>Message de s&amp;tatut…</translation>
    </message>
    <message>
        <source>Apply to all a&amp;ccounts</source>
        <translation>Appliquer &amp;à tous les comptes</translation>
    </message>
    <message>
        <source>Blocked &amp;people…</source>
        <translation>Personnes &amp;bloquées…</translation>
    </message>
    <message>
        <source>E&amp;xport account history…</source>
        <translation>E&amp;xporter l'historique du compte…</translation>
    </message>
    <message>
        <source>&amp;Import history…</source>
        <translation>&amp;Importer un historique…</translation>
    </message>
    <message>
        <source>Delete &amp;old history…</source>
        <translation>Supprimer l'ancien &amp;historique…</translation>
    </message>
    <message>
        <source>Set up &amp;key backup…</source>
        <translation>Con&amp;figurer la sauvegarde des clés…</translation>
    </message>
    <message>
        <source>Restore keys from &amp;backup…</source>
        <translation>Res&amp;taurer les clés depuis la sauvegarde…</translation>
    </message>
    <message>
        <source>C&amp;onversations</source>
        <translation>Conv&amp;ersations</translation>
    </message>
    <message>
        <source>&amp;Go to conversation…</source>
        <translation>&amp;Aller à une conversation…</translation>
    </message>
    <message>
        <source>&amp;Activity in every account…</source>
        <translation>Activité de &amp;tous les comptes…</translation>
    </message>
    <message>
        <source>&amp;Start a conversation…</source>
        <translation>&amp;Démarrer une conversation…</translation>
    </message>
    <message>
        <source>&amp;Join a room…</source>
        <translation>Re&amp;joindre un salon…</translation>
    </message>
    <message>
        <source>&amp;Browse rooms…</source>
        <translation>&amp;Parcourir les salons…</translation>
    </message>
    <message>
        <source>Add a &amp;contact…</source>
        <translation>Ajouter un &amp;contact…</translation>
    </message>
    <message>
        <source>New &amp;room…</source>
        <translation>&amp;Nouveau salon…</translation>
    </message>
    <message>
        <source>Room se&amp;ttings…</source>
        <translation>Paramètres du sa&amp;lon…</translation>
    </message>
    <message>
        <source>&amp;Find in conversation…</source>
        <translation>Rec&amp;hercher dans la conversation…</translation>
    </message>
    <message>
        <source>Search &amp;everywhere…</source>
        <translation>Rechercher parto&amp;ut…</translation>
    </message>
    <message>
        <source>&amp;Previous conversation</source>
        <translation>Con&amp;versation précédente</translation>
    </message>
    <message>
        <source>&amp;Next conversation</source>
        <translation>Conversation &amp;suivante</translation>
    </message>
    <message>
        <source>Previous &amp;unread</source>
        <translation>Non lue précéd&amp;ente</translation>
    </message>
    <message>
        <source>Ne&amp;xt unread</source>
        <translation>Non lue su&amp;ivante</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Afficha&amp;ge</translation>
    </message>
    <message>
        <source>Next &amp;region</source>
        <translation>R&amp;égion suivante</translation>
    </message>
    <message>
        <source>Previous r&amp;egion</source>
        <translation>Région &amp;précédente</translation>
    </message>
    <message>
        <source>Jump to &amp;latest</source>
        <translation>Aller aux &amp;derniers messages</translation>
    </message>
    <message>
        <source>&amp;Conversations list</source>
        <translation>Liste des &amp;conversations</translation>
    </message>
    <message>
        <source>C&amp;ontacts list</source>
        <translation>Liste des c&amp;ontacts</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
</context>
<context>
    <name>_Plurals</name>
    <message numerus="yes">
        <source>Idle for %n minute(s)</source>
        <translation><numerusform>Inactif depuis %n minute</numerusform><numerusform>Inactif depuis %n minutes</numerusform></translation>
    </message>
</context>
</TS>