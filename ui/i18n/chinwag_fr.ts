<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
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
        <translation>On déjeune à midi&#xa0;?</translation>
    </message>
    <message>
        <source>in reply to Alice, anyone free today?</source>
        <translation>en réponse à Alice, quelqu&apos;un est libre aujourd&apos;hui&#xa0;?</translation>
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
        <translation>Mode &amp;lecteur d&apos;écran</translation>
    </message>
    <message>
        <source>Screen-reader mode</source>
        <translation>Mode lecteur d&apos;écran</translation>
    </message>
    <message>
        <source>Starts in the conversation list, reads message times only on request (Ctrl+T) and turns animations off.</source>
        <translation>Démarre dans la liste des conversations, ne lit l&apos;heure des messages que sur demande (Ctrl+T) et désactive les animations.</translation>
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
        <translation>Aucun compte pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Reading a message</source>
        <translation>Lecture d&apos;un message</translation>
    </message>
    <message>
        <source>Parts read, in order</source>
        <translation>Parties lues, dans l&apos;ordre</translation>
    </message>
    <message>
        <source>&amp;Parts read, in order (check to read):</source>
        <translation>&amp;Parties lues, dans l&apos;ordre (cocher pour lire)&#xa0;:</translation>
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
        <translation>&amp;Aperçu&#xa0;:</translation>
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
        <translation>Sélectionnez d&apos;abord un compte dans la barre latérale.</translation>
    </message>
    <message>
        <source>Nothing is waiting to be saved any more.</source>
        <translation>Plus rien n&apos;attend d&apos;être enregistré.</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Supprimer le compte</translation>
    </message>
    <message>
        <source>Remove the account “{name}”? You will be signed out and its password removed from the keyring.</source>
        <translation>Supprimer le compte «&#xa0;{name}&#xa0;»&#xa0;? Vous serez déconnecté et son mot de passe sera retiré du trousseau.</translation>
    </message>
    <message>
        <source>Keep its history on this computer?</source>
        <translation>Conserver son historique sur cet ordinateur&#xa0;?</translation>
    </message>
    <message>
        <source>Remove, &amp;keep history</source>
        <translation>Supprimer, &amp;garder l&apos;historique</translation>
    </message>
    <message>
        <source>Remove and &amp;delete history</source>
        <translation>Supprimer avec l&apos;&amp;historique</translation>
    </message>
    <message>
        <source>Status message</source>
        <translation>Message de statut</translation>
    </message>
    <message>
        <source>What should others see?</source>
        <translation>Que doivent voir les autres&#xa0;?</translation>
    </message>
    <message>
        <source>Your recovery key</source>
        <translation>Votre clé de récupération</translation>
    </message>
    <message>
        <source>Secure storage is set up: your passphrase opens it on a new device, here or in other apps such as Element. This recovery key opens it too, should you forget the passphrase: keep it somewhere safe, such as a password manager. It is shown only now.</source>
        <translation>Le stockage sécurisé est configuré&#xa0;: votre phrase de passe l&apos;ouvre sur un nouvel appareil, ici ou dans d&apos;autres applications comme Element. Cette clé de récupération l&apos;ouvre aussi, au cas où vous oublieriez la phrase de passe&#xa0;: conservez-la en lieu sûr, par exemple dans un gestionnaire de mots de passe. Elle n&apos;est affichée que maintenant.</translation>
    </message>
    <message>
        <source>Keep this recovery key somewhere safe, such as a password manager. It is shown only now; with it, a new device can read your old encrypted messages and take over your verified identity. It opens this account&apos;s secure storage in other apps too, such as Element.</source>
        <translation>Conservez cette clé de récupération en lieu sûr, par exemple dans un gestionnaire de mots de passe. Elle n&apos;est affichée que maintenant&#xa0;; grâce à elle, un nouvel appareil pourra lire vos anciens messages chiffrés et reprendre votre identité vérifiée. Elle ouvre aussi le stockage sécurisé de ce compte dans d&apos;autres applications, comme Element.</translation>
    </message>
    <message>
        <source>Recovery key or secure storage passphrase:</source>
        <translation>Clé de récupération ou phrase de passe du stockage sécurisé&#xa0;:</translation>
    </message>
    <message>
        <source>Secure storage opened and keys restored from the backup.</source>
        <translation>Stockage sécurisé ouvert et clés restaurées depuis la sauvegarde.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Restore from key backup</source>
        <translation>Restaurer depuis la sauvegarde des clés</translation>
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
        <translation>Ser&amp;vice&#xa0;:</translation>
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
        <translation>&amp;Nom dans la barre latérale&#xa0;:</translation>
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
        <translation>Aucun module de service n&apos;est installé&#xa0;: aucun compte ne peut être ajouté.</translation>
    </message>
    <message>
        <source>{label} is required.</source>
        <translation>{label} est obligatoire.</translation>
    </message>
    <message>
        <source>This does not look right; for example:{hint}</source>
        <translation>Cela ne semble pas correct&#xa0;; par exemple&#xa0;:{hint}</translation>
    </message>
    <message>
        <source>{label} has the wrong form.</source>
        <translation>{label} n&apos;a pas la bonne forme.</translation>
    </message>
    <message>
        <source>Server: {server}</source>
        <translation>Serveur&#xa0;: {server}</translation>
    </message>
    <message>
        <source>Continue in your web browser: sign in there (with your second factor, if you have one), then come back here.</source>
        <translation>Continuez dans votre navigateur web&#xa0;: connectez-vous-y (avec votre second facteur, si vous en avez un), puis revenez ici.</translation>
    </message>
    <message>
        <source>The sign-in did not finish.</source>
        <translation>La connexion n&apos;a pas abouti.</translation>
    </message>
    <message>
        <source>Asking the server for a new account…</source>
        <translation>Demande d&apos;un nouveau compte au serveur…</translation>
    </message>
    <message>
        <source>The account could not be made.</source>
        <translation>Le compte n&apos;a pas pu être créé.</translation>
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
        <translation>La connexion n&apos;a pas pu être testée.</translation>
    </message>
    <message>
        <source>Connected successfully.</source>
        <translation>Connexion réussie.</translation>
    </message>
    <message>
        <source>Its fingerprint (SHA-256) is:
{fp}
Trust it only if it matches the one your server&apos;s administrator gave you.</source>
        <translation>Son empreinte (SHA-256) est&#xa0;:
{fp}
Ne lui faites confiance que si elle correspond à celle que l&apos;administrateur de votre serveur vous a donnée.</translation>
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
        <translation>Le compte n&apos;a pas pu être enregistré.</translation>
    </message>
    <message>
        <source>The server refused the sign-in: check the address and the password.</source>
        <translation>Le serveur a refusé la connexion&#xa0;: vérifiez l&apos;adresse et le mot de passe.</translation>
    </message>
    <message>
        <source>The server cannot be reached: check the address, the port and your network. It may also be down for a moment.</source>
        <translation>Le serveur est injoignable&#xa0;: vérifiez l&apos;adresse, le port et votre réseau. Il est peut-être aussi momentanément hors service.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted, so the connection could be intercepted.</source>
        <translation>Le certificat du serveur n&apos;est pas reconnu&#xa0;: la connexion pourrait être interceptée.</translation>
    </message>
    <message>
        <source>The settings are not usable.</source>
        <translation>Les paramètres ne sont pas utilisables.</translation>
    </message>
    <message>
        <source>That did not work.</source>
        <translation>Cela n&apos;a pas fonctionné.</translation>
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
        <translation>Les plus récentes d&apos;abord. Entrée ouvre l&apos;élément là où il s&apos;est produit&#xa0;; Suppr le marque comme lu.</translation>
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
        <translation>Ouvrir l&apos;activité sélectionnée</translation>
    </message>
    <message>
        <source>Mark &amp;read</source>
        <translation>Marquer comme &amp;lu</translation>
    </message>
    <message>
        <source>Mark the selected activity read</source>
        <translation>Marquer l&apos;activité sélectionnée comme lue</translation>
    </message>
    <message>
        <source>Mark a&amp;ll read</source>
        <translation>&amp;Tout marquer comme lu</translation>
    </message>
    <message>
        <source>Mark all activity read</source>
        <translation>Marquer toute l&apos;activité comme lue</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message numerus="yes">
        <source>Activity (%n)</source>
        <translation>
            <numerusform>Activité (%n)</numerusform>
            <numerusform>Activité (%n)</numerusform>
        </translation>
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
        <translation>{kind}, {when}, {where}&#xa0;: {what}</translation>
    </message>
</context>
<context>
    <name>ArchiveActions</name>
    <message>
        <source>Export account history</source>
        <translation>Exporter l&apos;historique du compte</translation>
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
        <translation>
            <numerusform>{name} ({service}), conservé le {when}, %n message</numerusform>
            <numerusform>{name} ({service}), conservé le {when}, %n messages</numerusform>
        </translation>
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
        <translation>Historique conservé d&apos;un compte supprimé, ou un fichier&#xa0;:</translation>
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
        <translation>Supprimer l&apos;ancien historique</translation>
    </message>
    <message>
        <source>Delete the messages of “{account}” older than this many days:</source>
        <translation>Supprimer les messages de «&#xa0;{account}&#xa0;» plus anciens que ce nombre de jours&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>%n old message(s) of {account} deleted.</source>
        <translation>
            <numerusform>%n ancien message de {account} supprimé.</numerusform>
            <numerusform>%n anciens messages de {account} supprimés.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AudioPlayer</name>
    <message>
        <source>voice message</source>
        <translation>message vocal</translation>
    </message>
    <message>
        <source>audio</source>
        <translation>audio</translation>
    </message>
    <message>
        <source>Pause {kind}</source>
        <translation>Mettre en pause {kind}</translation>
    </message>
    <message>
        <source>Play {kind}</source>
        <translation>Lire {kind}</translation>
    </message>
    <message>
        <source>Position in {title}</source>
        <translation>Position dans {title}</translation>
    </message>
    <message>
        <source>Cannot play: {reason}</source>
        <translation>Lecture impossible&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
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
        <translation>&amp;Masquer Chinwag</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Show Chinwag</source>
        <translation>&amp;Afficher Chinwag</translation>
    </message>
    <message>
        <source>Chinwag is still running</source>
        <translation>Chinwag fonctionne toujours</translation>
    </message>
    <message>
        <source>Messages keep arriving while the window is closed. To quit, choose Quit in the menu of Chinwag&apos;s icon in the system tray.</source>
        <translation>Les messages continuent d&apos;arriver pendant que la fenêtre est fermée. Pour quitter, choisissez Quitter dans le menu de l&apos;icône de Chinwag dans la zone de notification.</translation>
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
        <translation>&amp;Bloqués&#xa0;:</translation>
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
        <translation>&amp;Adresse ou masque&#xa0;:</translation>
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
        <translation>Personne n&apos;est bloqué.</translation>
    </message>
    <message>
        <source>Type an address or a mask to block.</source>
        <translation>Saisissez une adresse ou un masque à bloquer.</translation>
    </message>
    <message>
        <source>Choose someone in the list first.</source>
        <translation>Choisissez d&apos;abord quelqu&apos;un dans la liste.</translation>
    </message>
</context>
<context>
    <name>CommandRunner</name>
    <message>
        <source>That did not work.</source>
        <translation>Cela n&apos;a pas fonctionné.</translation>
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
        <translation>Qui est en train d&apos;écrire</translation>
    </message>
    <message>
        <source>Upload progress</source>
        <translation>Progression de l&apos;envoi</translation>
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
        <translation>{name} est en train d&apos;écrire…</translation>
    </message>
    <message>
        <source>{names} are typing…</source>
        <translation>{names} sont en train d&apos;écrire…</translation>
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation>Plusieurs personnes sont en train d&apos;écrire…</translation>
    </message>
</context>
<context>
    <name>ComposerSpelling</name>
    <message numerus="yes">
        <source>&amp;Spelling: %n suggestion(s) for “{word}”</source>
        <translation>
            <numerusform>&amp;Orthographe&#xa0;: %n suggestion pour «&#xa0;{word}&#xa0;»</numerusform>
            <numerusform>&amp;Orthographe&#xa0;: %n suggestions pour «&#xa0;{word}&#xa0;»</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Spelling: no suggestions for “{word}”</source>
        <translation>&amp;Orthographe&#xa0;: aucune suggestion pour «&#xa0;{word}&#xa0;»</translation>
    </message>
    <message>
        <source>Replace “{word}” with “{suggestion}”</source>
        <translation>Remplacer «&#xa0;{word}&#xa0;» par «&#xa0;{suggestion}&#xa0;»</translation>
    </message>
    <message>
        <source>&amp;Add “{word}” to the dictionary</source>
        <translation>Ajouter «&#xa0;{word}&#xa0;» au &amp;dictionnaire</translation>
    </message>
    <message>
        <source>&amp;Ignore “{word}”</source>
        <translation>&amp;Ignorer «&#xa0;{word}&#xa0;»</translation>
    </message>
    <message>
        <source>S&amp;pelling language</source>
        <translation>La&amp;ngue de vérification</translation>
    </message>
    <message>
        <source>Spell check is unavailable: Enchant is not installed.</source>
        <translation>La vérification orthographique n&apos;est pas disponible&#xa0;: Enchant n&apos;est pas installé.</translation>
    </message>
    <message>
        <source>Spell check is unavailable: no dictionaries are installed.</source>
        <translation>La vérification orthographique n&apos;est pas disponible&#xa0;: aucun dictionnaire n&apos;est installé.</translation>
    </message>
    <message>
        <source>Spell check is turned off in Settings.</source>
        <translation>La vérification orthographique est désactivée dans les Paramètres.</translation>
    </message>
    <message>
        <source>&amp;Off</source>
        <translation>Dés&amp;activée</translation>
    </message>
    <message>
        <source>&amp;Default ({language})</source>
        <translation>&amp;Par défaut ({language})</translation>
    </message>
    <message>
        <source>&amp;Default</source>
        <translation>&amp;Par défaut</translation>
    </message>
</context>
<context>
    <name>ContactDetailsDialog</name>
    <message>
        <source>Address: {address}</source>
        <translation>Adresse&#xa0;: {address}</translation>
    </message>
    <message>
        <source>Name: {name}</source>
        <translation>Nom&#xa0;: {name}</translation>
    </message>
    <message>
        <source>Presence: {presence}</source>
        <translation>Présence&#xa0;: {presence}</translation>
    </message>
    <message>
        <source>Presence: offline</source>
        <translation>Présence&#xa0;: hors ligne</translation>
    </message>
    <message>
        <source>Away: {message}</source>
        <translation>Absent&#xa0;: {message}</translation>
    </message>
    <message>
        <source>Signed in to the account {account}</source>
        <translation>Connecté au compte {account}</translation>
    </message>
    <message>
        <source>Server: {server}</source>
        <translation>Serveur&#xa0;: {server}</translation>
    </message>
    <message>
        <source>In: {channels}</source>
        <translation>Dans&#xa0;: {channels}</translation>
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
        <translation>Appareils&#xa0;:</translation>
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
        <translation>&amp;Détails&#xa0;:</translation>
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
        <translation>Le service n&apos;a pas répondu&#xa0;: {reason}</translation>
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
        <translation>N&apos;affiche que les personnes dont le nom, l&apos;adresse ou la présence contient le texte. Échap l&apos;efface&#xa0;; Bas ou Entrée va à la liste.</translation>
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
        <source>Each account&apos;s people by group, with their presence. Enter starts a chat; the menu key opens more actions.</source>
        <translation>Les personnes de chaque compte par groupe, avec leur présence. Entrée démarre une discussion&#xa0;; la touche Menu ouvre d&apos;autres actions.</translation>
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
        <translation>
            <numerusform>{group}, %n contact</numerusform>
            <numerusform>{group}, %n contacts</numerusform>
        </translation>
    </message>
    <message>
        <source>{online} online</source>
        <translation>{online} en ligne</translation>
    </message>
    <message numerus="yes">
        <source>{account}, %n contact(s)</source>
        <translation>
            <numerusform>{account}, %n contact</numerusform>
            <numerusform>{account}, %n contacts</numerusform>
        </translation>
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
        <translation>Adresse de la personne à inviter&#xa0;:</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>New topic:</source>
        <translation>Nouveau sujet&#xa0;:</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Leave this conversation?</source>
        <translation>Quitter cette conversation&#xa0;?</translation>
    </message>
    <message>
        <source>Remove from room</source>
        <translation>Retirer du salon</translation>
    </message>
    <message>
        <source>Remove {name}? Reason (optional):</source>
        <translation>Retirer {name}&#xa0;? Motif (facultatif)&#xa0;:</translation>
    </message>
    <message>
        <source>Ban from room</source>
        <translation>Bannir du salon</translation>
    </message>
    <message>
        <source>Ban {name} (they cannot come back)? Reason (optional):</source>
        <translation>Bannir {name} (sans possibilité de revenir)&#xa0;? Motif (facultatif)&#xa0;:</translation>
    </message>
    <message>
        <source>That did not work.</source>
        <translation>Cela n&apos;a pas fonctionné.</translation>
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
        <translation>Inviter quelqu&apos;un</translation>
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
        <translation>&amp;Exporter l&apos;historique…</translation>
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
        <source>Start a &amp;poll…</source>
        <translation>Lancer un s&amp;ondage…</translation>
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
        <translation>
            <numerusform>%n membre</numerusform>
            <numerusform>%n membres</numerusform>
        </translation>
    </message>
    <message>
        <source>offline: messages wait in the outbox</source>
        <translation>hors ligne&#xa0;: les messages attendent dans la boîte d&apos;envoi</translation>
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
        <source>Voice messages cannot be sent on this service</source>
        <translation>Ce service ne permet pas d&apos;envoyer des messages vocaux</translation>
    </message>
    <message>
        <source>Uploading {name}{percent}</source>
        <translation>Envoi de {name}{percent}</translation>
    </message>
    <message>
        <source>That did not work.</source>
        <translation>Cela n&apos;a pas fonctionné.</translation>
    </message>
    <message>
        <source>Usage: {usage}</source>
        <translation>Utilisation&#xa0;: {usage}</translation>
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
    <name>CoreMessages</name>
    <message>
        <source>This service cannot create rooms.</source>
        <translation>Ce service ne permet pas de créer des salons.</translation>
    </message>
    <message>
        <source>This service cannot rename contacts.</source>
        <translation>Ce service ne permet pas de renommer les contacts.</translation>
    </message>
    <message>
        <source>This service has no subscriptions.</source>
        <translation>Ce service n&apos;a pas d&apos;abonnements.</translation>
    </message>
    <message>
        <source>This service cannot download files.</source>
        <translation>Ce service ne permet pas de télécharger des fichiers.</translation>
    </message>
    <message>
        <source>/me ACTION — describe what you do</source>
        <translation>/me ACTION — décrire ce que vous faites</translation>
    </message>
    <message>
        <source>/join ROOM [PASSWORD] — join a room or channel</source>
        <translation>/join SALON [MOT_DE_PASSE] — rejoindre un salon ou un canal</translation>
    </message>
    <message>
        <source>/part [REASON] — leave this room</source>
        <translation>/part [MOTIF] — quitter ce salon</translation>
    </message>
    <message>
        <source>/leave [REASON] — leave this room</source>
        <translation>/leave [MOTIF] — quitter ce salon</translation>
    </message>
    <message>
        <source>/topic TEXT — change the topic</source>
        <translation>/topic TEXTE — changer le sujet</translation>
    </message>
    <message>
        <source>/invite WHO [REASON] — invite someone here</source>
        <translation>/invite QUI [MOTIF] — inviter quelqu&apos;un ici</translation>
    </message>
    <message>
        <source>/kick WHO [REASON] — remove someone from this room</source>
        <translation>/kick QUI [MOTIF] — retirer quelqu&apos;un de ce salon</translation>
    </message>
    <message>
        <source>/ban WHO [REASON] — keep someone out of this room</source>
        <translation>/ban QUI [MOTIF] — bannir quelqu&apos;un de ce salon</translation>
    </message>
    <message>
        <source>/unban WHO — let someone back into this room</source>
        <translation>/unban QUI — laisser quelqu&apos;un revenir dans ce salon</translation>
    </message>
    <message>
        <source>/ignore WHO — block someone: you no longer see what they write</source>
        <translation>/ignore QUI — bloquer quelqu&apos;un&#xa0;: vous ne voyez plus ce qu&apos;il écrit</translation>
    </message>
    <message>
        <source>/unignore WHO — unblock someone</source>
        <translation>/unignore QUI — débloquer quelqu&apos;un</translation>
    </message>
    <message>
        <source>/msg WHO TEXT — send a private message</source>
        <translation>/msg QUI TEXTE — envoyer un message privé</translation>
    </message>
    <message>
        <source>/list [WORDS] — browse the public rooms or channels</source>
        <translation>/list [MOTS] — parcourir les salons ou canaux publics</translation>
    </message>
    <message>
        <source>/poll QUESTION | ANSWER | ANSWER … — start a poll</source>
        <translation>/poll QUESTION | RÉPONSE | RÉPONSE … — lancer un sondage</translation>
    </message>
    <message>
        <source>/query WHO — open a private conversation</source>
        <translation>/query QUI — ouvrir une conversation privée</translation>
    </message>
    <message>
        <source>/help — list the commands</source>
        <translation>/help — lister les commandes</translation>
    </message>
    <message>
        <source>This account&apos;s service plugin is not available.</source>
        <translation>Le module du service de ce compte n&apos;est pas disponible.</translation>
    </message>
    <message>
        <source>plugin missing</source>
        <translation>module manquant</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>Le serveur n&apos;a pas répondu à temps.</translation>
    </message>
    <message>
        <source>Internal error: %1</source>
        <translation>Erreur interne&#xa0;: %1</translation>
    </message>
    <message>
        <source>The number of days cannot be negative.</source>
        <translation>Le nombre de jours ne peut pas être négatif.</translation>
    </message>
    <message>
        <source>the deletion of old messages</source>
        <translation>la suppression des anciens messages</translation>
    </message>
    <message>
        <source>No such conversation.</source>
        <translation>Conversation introuvable.</translation>
    </message>
    <message>
        <source>the imported history</source>
        <translation>l&apos;historique importé</translation>
    </message>
    <message numerus="yes">
        <source>%n damaged line(s) skipped.</source>
        <translation>
            <numerusform>%n ligne endommagée ignorée.</numerusform>
            <numerusform>%n lignes endommagées ignorées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Whom do you want to add?</source>
        <translation>Qui voulez-vous ajouter&#xa0;?</translation>
    </message>
    <message>
        <source>Whom do you want to block?</source>
        <translation>Qui voulez-vous bloquer&#xa0;?</translation>
    </message>
    <message>
        <source>Whom do you want to talk to?</source>
        <translation>À qui voulez-vous parler&#xa0;?</translation>
    </message>
    <message>
        <source>the conversation with %1</source>
        <translation>la conversation avec %1</translation>
    </message>
    <message>
        <source>the notification level</source>
        <translation>le niveau de notification</translation>
    </message>
    <message>
        <source>the spell-check language</source>
        <translation>la langue de la correction orthographique</translation>
    </message>
    <message>
        <source>That message is no longer stored.</source>
        <translation>Ce message n&apos;est plus conservé.</translation>
    </message>
    <message>
        <source>No server history for this chat.</source>
        <translation>Pas d&apos;historique sur le serveur pour cette discussion.</translation>
    </message>
    <message>
        <source>Cannot send an empty message.</source>
        <translation>Impossible d&apos;envoyer un message vide.</translation>
    </message>
    <message>
        <source>Could not tell whether your message was saved (%1). If it was, it is sent once the store can be read again: look before sending it again.</source>
        <translation>Impossible de savoir si votre message a été enregistré (%1). S&apos;il l&apos;a été, il sera envoyé dès que le stockage pourra de nouveau être lu&#xa0;: vérifiez avant de le renvoyer.</translation>
    </message>
    <message>
        <source>Your message could not be saved (%1), so it was not sent.</source>
        <translation>Votre message n&apos;a pas pu être enregistré (%1), il n&apos;a donc pas été envoyé.</translation>
    </message>
    <message>
        <source>Could not put the message back in the outbox (%1).</source>
        <translation>Impossible de remettre le message dans la boîte d&apos;envoi (%1).</translation>
    </message>
    <message>
        <source>This service does not take voice messages.</source>
        <translation>Ce service n&apos;accepte pas les messages vocaux.</translation>
    </message>
    <message>
        <source>No such file.</source>
        <translation>Fichier introuvable.</translation>
    </message>
    <message>
        <source>No such attachment.</source>
        <translation>Pièce jointe introuvable.</translation>
    </message>
    <message>
        <source>Unknown command /%1.</source>
        <translation>Commande inconnue /%1.</translation>
    </message>
    <message>
        <source>No such message.</source>
        <translation>Message introuvable.</translation>
    </message>
    <message>
        <source>The service has not confirmed this message yet.</source>
        <translation>Le service n&apos;a pas encore confirmé ce message.</translation>
    </message>
    <message>
        <source>Only your own messages can be changed.</source>
        <translation>Seuls vos propres messages peuvent être modifiés.</translation>
    </message>
    <message>
        <source>Give the room a name or an address.</source>
        <translation>Donnez un nom ou une adresse au salon.</translation>
    </message>
    <message>
        <source>Whom do you want to ban?</source>
        <translation>Qui voulez-vous bannir&#xa0;?</translation>
    </message>
    <message>
        <source>No such account.</source>
        <translation>Compte introuvable.</translation>
    </message>
    <message>
        <source>No usable plugin for %1 is installed.</source>
        <translation>Aucun module utilisable pour %1 n&apos;est installé.</translation>
    </message>
    <message>
        <source>The account is not connected.</source>
        <translation>Le compte n&apos;est pas connecté.</translation>
    </message>
    <message>
        <source>The service cannot do that.</source>
        <translation>Le service ne permet pas cela.</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1 est obligatoire.</translation>
    </message>
    <message>
        <source>Unknown setting %1.</source>
        <translation>Paramètre inconnu %1.</translation>
    </message>
    <message>
        <source>This service has no sign-in in the browser.</source>
        <translation>Ce service ne propose pas de connexion dans le navigateur.</translation>
    </message>
    <message>
        <source>The sign-in in the browser took too long.</source>
        <translation>La connexion dans le navigateur a pris trop de temps.</translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>La connexion a été annulée.</translation>
    </message>
    <message>
        <source>Accounts for this service cannot be made here.</source>
        <translation>Les comptes de ce service ne peuvent pas être créés ici.</translation>
    </message>
    <message>
        <source>This sign-up has already ended.</source>
        <translation>Cette inscription est déjà terminée.</translation>
    </message>
    <message>
        <source>Signed in again.</source>
        <translation>Reconnecté.</translation>
    </message>
    <message>
        <source>This chat has no threads.</source>
        <translation>Cette discussion n&apos;a pas de fils.</translation>
    </message>
    <message>
        <source>The connection was lost before the server confirmed this message, so it may not have been delivered.</source>
        <translation>La connexion a été perdue avant que le serveur ne confirme ce message&#xa0;: il n&apos;a peut-être pas été remis.</translation>
    </message>
    <message>
        <source>This message could not be recorded before sending; it is sent on the next connection.</source>
        <translation>Ce message n&apos;a pas pu être consigné avant l&apos;envoi&#xa0;; il sera envoyé à la prochaine connexion.</translation>
    </message>
    <message numerus="yes">
        <source>Gave up after %n attempt(s).</source>
        <translation>
            <numerusform>Abandon après %n tentative.</numerusform>
            <numerusform>Abandon après %n tentatives.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your messages wait in the outbox: the message store cannot save now (%1). They are sent once it can, none of them twice.</source>
        <translation>Vos messages attendent dans la boîte d&apos;envoi&#xa0;: le stockage des messages ne peut pas enregistrer pour l&apos;instant (%1). Ils seront envoyés dès que possible, aucun en double.</translation>
    </message>
    <message>
        <source>Chinwag keeps passwords only in your system keyring and never in a plain file. Start and unlock a Secret Service provider: GNOME Keyring (Debian/Ubuntu: &apos;apt install gnome-keyring&apos;) or KDE Wallet on Linux; the built-in Keychain on macOS and Credential Manager on Windows are used automatically. Without a desktop session, run Chinwag inside &apos;dbus-run-session&apos; after unlocking one with &apos;echo -n PASSWORD | gnome-keyring-daemon --unlock --components=secrets&apos;.</source>
        <translation>Chinwag ne conserve les mots de passe que dans le trousseau de votre système, jamais dans un simple fichier. Démarrez et déverrouillez un fournisseur Secret Service&#xa0;: GNOME Keyring (Debian/Ubuntu&#xa0;: &apos;apt install gnome-keyring&apos;) ou KDE Wallet sous Linux&#xa0;; le trousseau intégré de macOS (Keychain) et le Gestionnaire d&apos;identification de Windows sont utilisés automatiquement. Sans session de bureau, lancez Chinwag dans &apos;dbus-run-session&apos; après en avoir déverrouillé un avec &apos;echo -n MOT_DE_PASSE | gnome-keyring-daemon --unlock --components=secrets&apos;.</translation>
    </message>
    <message>
        <source>The only keyring available (%1 from %2) would store passwords unprotected.</source>
        <translation>Le seul trousseau disponible (%1 de %2) stockerait les mots de passe sans protection.</translation>
    </message>
    <message>
        <source>No keyring service is installed or running.</source>
        <translation>Aucun service de trousseau n&apos;est installé ou en cours d&apos;exécution.</translation>
    </message>
    <message>
        <source>%1 does not say which account it belonged to (it was kept by an older version), so it cannot be imported.</source>
        <translation>%1 n&apos;indique pas à quel compte il appartenait (il a été conservé par une version plus ancienne)&#xa0;: il ne peut donc pas être importé.</translation>
    </message>
    <message>
        <source>You are already in %1.</source>
        <translation>Vous êtes déjà dans %1.</translation>
    </message>
    <message>
        <source>%1 already exists and someone else runs it; you joined it.</source>
        <translation>%1 existe déjà et quelqu&apos;un d&apos;autre le gère&#xa0;; vous l&apos;avez rejoint.</translation>
    </message>
    <message>
        <source>%1 already exists and someone else runs it.</source>
        <translation>%1 existe déjà et quelqu&apos;un d&apos;autre le gère.</translation>
    </message>
    <message>
        <source>You are not in %1.</source>
        <translation>Vous n&apos;êtes pas dans %1.</translation>
    </message>
    <message>
        <source>A channel password has no spaces, commas or colons.</source>
        <translation>Un mot de passe de canal ne contient ni espaces, ni virgules, ni deux-points.</translation>
    </message>
    <message>
        <source>This server has no %1 role.</source>
        <translation>Ce serveur n&apos;a pas de rôle %1.</translation>
    </message>
    <message>
        <source>%1 is not in %2.</source>
        <translation>%1 n&apos;est pas dans %2.</translation>
    </message>
    <message>
        <source>%1 is not a nick or a mask.</source>
        <translation>%1 n&apos;est ni un pseudo ni un masque.</translation>
    </message>
    <message>
        <source>%1 matches everyone: ban a nick or a host.</source>
        <translation>%1 correspond à tout le monde&#xa0;: bannissez un pseudo ou un hôte.</translation>
    </message>
    <message>
        <source>A server and a nickname are needed.</source>
        <translation>Un serveur et un pseudo sont nécessaires.</translation>
    </message>
    <message>
        <source>%1 is not a valid nickname.</source>
        <translation>%1 n&apos;est pas un pseudo valide.</translation>
    </message>
    <message>
        <source>The port must be a number.</source>
        <translation>Le port doit être un nombre.</translation>
    </message>
    <message>
        <source>This sign-in method needs a password.</source>
        <translation>Cette méthode de connexion nécessite un mot de passe.</translation>
    </message>
    <message>
        <source>The server did not finish signing us in.</source>
        <translation>Le serveur n&apos;a pas terminé la connexion.</translation>
    </message>
    <message>
        <source>The connection was lost.</source>
        <translation>La connexion a été perdue.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>/%1 is not one of IRC&apos;s own commands (Chinwag carries out its generic ones itself). Use /quote to send a raw IRC line.</source>
        <translation>/%1 ne fait pas partie des commandes propres à IRC (Chinwag exécute lui-même les commandes génériques). Utilisez /quote pour envoyer une ligne IRC brute.</translation>
    </message>
    <message>
        <source>That is not a valid IRC line.</source>
        <translation>Ce n&apos;est pas une ligne IRC valide.</translation>
    </message>
    <message>
        <source>/%1 works in a channel: type it there.</source>
        <translation>/%1 s&apos;utilise dans un canal&#xa0;: tapez-la là-bas.</translation>
    </message>
    <message>
        <source>Unknown command /%1. Use /quote to send a raw IRC line.</source>
        <translation>Commande inconnue /%1. Utilisez /quote pour envoyer une ligne IRC brute.</translation>
    </message>
    <message>
        <source>That is not a nickname.</source>
        <translation>Ce n&apos;est pas un pseudo.</translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation>Utilisation&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 was kicked by %2 (%3)</source>
        <translation>%1 a été expulsé par %2 (%3)</translation>
    </message>
    <message>
        <source>%1 was kicked by %2</source>
        <translation>%1 a été expulsé par %2</translation>
    </message>
    <message>
        <source>%1 changed the topic to: %2</source>
        <translation>%1 a changé le sujet en&#xa0;: %2</translation>
    </message>
    <message>
        <source>That is not a channel name.</source>
        <translation>Ce n&apos;est pas un nom de canal.</translation>
    </message>
    <message>
        <source>A file from %1 was refused: %2.</source>
        <translation>Un fichier de %1 a été refusé&#xa0;: %2.</translation>
    </message>
    <message>
        <source>That file offer is no longer open.</source>
        <translation>Cette proposition de fichier n&apos;est plus ouverte.</translation>
    </message>
    <message>
        <source>This file offer is no longer open (offers last one connection).</source>
        <translation>Cette proposition de fichier n&apos;est plus ouverte (une proposition ne vaut que pour une connexion).</translation>
    </message>
    <message>
        <source>Could not reach %1: %2</source>
        <translation>Impossible de joindre %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 did not connect.</source>
        <translation>%1 ne s&apos;est pas connecté.</translation>
    </message>
    <message>
        <source>The transfer was cut at %1 of %2 bytes; ask for the file again to resume.</source>
        <translation>Le transfert s&apos;est interrompu à %1 octets sur %2&#xa0;; redemandez le fichier pour le reprendre.</translation>
    </message>
    <message>
        <source>No free port for DCC in the configured range.</source>
        <translation>Aucun port libre pour DCC dans la plage configurée.</translation>
    </message>
    <message>
        <source>DCC sends a file to one person.</source>
        <translation>DCC envoie un fichier à une seule personne.</translation>
    </message>
    <message>
        <source>Not sent: the connection closed before the file was taken.</source>
        <translation>Non envoyé&#xa0;: la connexion s&apos;est fermée avant que le fichier soit récupéré.</translation>
    </message>
    <message>
        <source>%1 declined the file.</source>
        <translation>%1 a refusé le fichier.</translation>
    </message>
    <message>
        <source>Not sent: %1.</source>
        <translation>Non envoyé&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Nobody took the file in time.</source>
        <translation>Personne n&apos;a récupéré le fichier à temps.</translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation>Connexion impossible&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 got shorter while it was sent.</source>
        <translation>%1 a raccourci pendant son envoi.</translation>
    </message>
    <message>
        <source>The file was sent but its arrival was not confirmed.</source>
        <translation>Le fichier a été envoyé, mais sa réception n&apos;a pas été confirmée.</translation>
    </message>
    <message>
        <source>The transfer was cut at %1 of %2 bytes (%3).</source>
        <translation>Le transfert s&apos;est interrompu à %1 octets sur %2 (%3).</translation>
    </message>
    <message>
        <source>This server keeps no history for us.</source>
        <translation>Ce serveur ne conserve pas d&apos;historique pour nous.</translation>
    </message>
    <message>
        <source>%1 matches everyone: block a nick (bob) or a host (*!*@host) instead.</source>
        <translation>%1 correspond à tout le monde&#xa0;: bloquez plutôt un pseudo (bob) ou un hôte (*!*@hote).</translation>
    </message>
    <message>
        <source>CTCP %1 reply from %2: %3</source>
        <translation>Réponse CTCP %1 de %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>IRC cannot send an empty message.</source>
        <translation>IRC ne peut pas envoyer un message vide.</translation>
    </message>
    <message numerus="yes">
        <source>Partly sent: %1 of %n line(s) went out before the connection was lost.</source>
        <translation>
            <numerusform>Envoyé en partie&#xa0;: %1 ligne sur %n est partie avant la perte de la connexion.</numerusform>
            <numerusform>Envoyé en partie&#xa0;: %1 lignes sur %n sont parties avant la perte de la connexion.</numerusform>
        </translation>
    </message>
    <message>
        <source>That nick is not in your contacts.</source>
        <translation>Ce pseudo n&apos;est pas dans vos contacts.</translation>
    </message>
    <message>
        <source>The server&apos;s watch list is full.</source>
        <translation>La liste de surveillance du serveur est pleine.</translation>
    </message>
    <message>
        <source>The server did not answer.</source>
        <translation>Le serveur n&apos;a pas répondu.</translation>
    </message>
    <message>
        <source>This nickname is already registered.</source>
        <translation>Ce pseudo est déjà enregistré.</translation>
    </message>
    <message>
        <source>This network does not register accounts here: %1</source>
        <translation>Ce réseau n&apos;enregistre pas de comptes ici&#xa0;: %1</translation>
    </message>
    <message>
        <source>NickServ said: %1</source>
        <translation>NickServ a répondu&#xa0;: %1</translation>
    </message>
    <message>
        <source>The network&apos;s NickServ keeps your nickname for you. It asks for an e-mail address (to reset a lost password, and on some networks to confirm the account).</source>
        <translation>Le NickServ du réseau vous réserve votre pseudo. Il demande une adresse électronique (pour réinitialiser un mot de passe perdu et, sur certains réseaux, pour confirmer le compte).</translation>
    </message>
    <message>
        <source>Choose a password for the account.</source>
        <translation>Choisissez un mot de passe pour le compte.</translation>
    </message>
    <message>
        <source>NickServ passwords cannot contain spaces.</source>
        <translation>Les mots de passe NickServ ne peuvent pas contenir d&apos;espaces.</translation>
    </message>
    <message>
        <source>Enter an e-mail address.</source>
        <translation>Saisissez une adresse électronique.</translation>
    </message>
    <message>
        <source>NickServ did not answer in time.</source>
        <translation>NickServ n&apos;a pas répondu à temps.</translation>
    </message>
    <message>
        <source>The server closed the connection.</source>
        <translation>Le serveur a fermé la connexion.</translation>
    </message>
    <message>
        <source>Someone is using this nickname right now, or the network refuses it.</source>
        <translation>Quelqu&apos;un utilise ce pseudo en ce moment, ou le réseau le refuse.</translation>
    </message>
    <message>
        <source>This network has no NickServ to register with.</source>
        <translation>Ce réseau n&apos;a pas de NickServ auprès duquel s&apos;enregistrer.</translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation>La connexion a été fermée.</translation>
    </message>
    <message>
        <source>The server stopped answering.</source>
        <translation>Le serveur a cessé de répondre.</translation>
    </message>
    <message>
        <source>Connection lost: %1</source>
        <translation>Connexion perdue&#xa0;: %1</translation>
    </message>
    <message>
        <source>Connection lost (internal error).</source>
        <translation>Connexion perdue (erreur interne).</translation>
    </message>
    <message>
        <source>Unexpected reply.</source>
        <translation>Réponse inattendue.</translation>
    </message>
    <message>
        <source>Disconnected by the server: %1</source>
        <translation>Déconnecté par le serveur&#xa0;: %1</translation>
    </message>
    <message>
        <source>Error %1</source>
        <comment>an IRC error numeric</comment>
        <translation>Erreur %1</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>irc.libera.chat</source>
        <translation>irc.libera.chat</translation>
    </message>
    <message>
        <source>The host name of the IRC network&apos;s server.</source>
        <translation>Le nom d&apos;hôte du serveur du réseau IRC.</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>6697 is the usual port for TLS; plain-text servers usually listen on 6667.</source>
        <translation>6697 est le port habituel pour TLS&#xa0;; les serveurs en clair écoutent généralement sur le 6667.</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>Pseudo</translation>
    </message>
    <message>
        <source>Alternate nicknames</source>
        <translation>Pseudos de rechange</translation>
    </message>
    <message>
        <source>Tried in order when your nickname is taken; separate them with spaces.</source>
        <translation>Essayés dans l&apos;ordre quand votre pseudo est pris&#xa0;; séparez-les par des espaces.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Your services (NickServ) account password: used for SASL, or for NickServ IDENTIFY where the server offers no SASL.</source>
        <translation>Le mot de passe de votre compte de services (NickServ)&#xa0;: utilisé pour SASL, ou pour NickServ IDENTIFY là où le serveur ne propose pas SASL.</translation>
    </message>
    <message>
        <source>Connect without encryption (plain text)</source>
        <translation>Se connecter sans chiffrement (en clair)</translation>
    </message>
    <message>
        <source>Only for servers without TLS: anyone on the way can read what you send, passwords included.</source>
        <translation>Seulement pour les serveurs sans TLS&#xa0;: n&apos;importe qui sur le trajet peut lire ce que vous envoyez, mots de passe compris.</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Nom du compte</translation>
    </message>
    <message>
        <source>Your services account, when it differs from your nickname.</source>
        <translation>Votre compte de services, s&apos;il diffère de votre pseudo.</translation>
    </message>
    <message>
        <source>Sign-in method</source>
        <translation>Méthode de connexion</translation>
    </message>
    <message>
        <source>auto: SASL when the server offers it (EXTERNAL with a client certificate, else PLAIN), NickServ IDENTIFY otherwise.</source>
        <translation>auto&#xa0;: SASL quand le serveur le propose (EXTERNAL avec un certificat client, sinon PLAIN), NickServ IDENTIFY dans les autres cas.</translation>
    </message>
    <message>
        <source>Server password</source>
        <translation>Mot de passe du serveur</translation>
    </message>
    <message>
        <source>Sent with PASS before signing in (private servers, bouncers).</source>
        <translation>Envoyé avec PASS avant la connexion (serveurs privés, bouncers).</translation>
    </message>
    <message>
        <source>User name (ident)</source>
        <translation>Nom d&apos;utilisateur (ident)</translation>
    </message>
    <message>
        <source>Real name</source>
        <translation>Nom réel</translation>
    </message>
    <message>
        <source>Trust this CA certificate</source>
        <translation>Faire confiance à ce certificat d&apos;autorité</translation>
    </message>
    <message>
        <source>A PEM file, for networks whose certificate is signed by their own CA.</source>
        <translation>Un fichier PEM, pour les réseaux dont le certificat est signé par leur propre autorité de certification.</translation>
    </message>
    <message>
        <source>Trust this server certificate (SHA-256 fingerprint)</source>
        <translation>Faire confiance à ce certificat de serveur (empreinte SHA-256)</translation>
    </message>
    <message>
        <source>Pins one certificate, e.g. a self-signed one, instead of checking its issuer.</source>
        <translation>Épingle un certificat précis, par exemple auto-signé, au lieu de vérifier son émetteur.</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Certificat client</translation>
    </message>
    <message>
        <source>A PEM certificate (with its key, or give the key below) for SASL EXTERNAL / CertFP.</source>
        <translation>Un certificat PEM (avec sa clé, ou indiquez la clé ci-dessous) pour SASL EXTERNAL / CertFP.</translation>
    </message>
    <message>
        <source>Client certificate key</source>
        <translation>Clé du certificat client</translation>
    </message>
    <message>
        <source>Only my contacts may message me privately</source>
        <translation>Seuls mes contacts peuvent m&apos;écrire en privé</translation>
    </message>
    <message>
        <source>Private messages from anyone else are refused: by the server with user mode +g where it offers it (CALLERID), else dropped here. Channels are not affected.</source>
        <translation>Les messages privés de toute autre personne sont refusés&#xa0;: par le serveur avec le mode utilisateur +g s&apos;il le propose (CALLERID), sinon ils sont ignorés ici. Les canaux ne sont pas concernés.</translation>
    </message>
    <message>
        <source>Passive file transfers (behind NAT)</source>
        <translation>Transferts de fichiers passifs (derrière un NAT)</translation>
    </message>
    <message>
        <source>Ask the other side to listen when you send a file (DCC passive mode): for computers that others cannot connect to.</source>
        <translation>Demander à l&apos;autre partie d&apos;écouter quand vous envoyez un fichier (mode DCC passif)&#xa0;: pour les ordinateurs auxquels les autres ne peuvent pas se connecter.</translation>
    </message>
    <message>
        <source>Ports for file transfers</source>
        <translation>Ports pour les transferts de fichiers</translation>
    </message>
    <message>
        <source>The ports DCC listens on (open them in your firewall); empty: any free port.</source>
        <translation>Les ports sur lesquels DCC écoute (ouvrez-les dans votre pare-feu)&#xa0;; vide&#xa0;: n&apos;importe quel port libre.</translation>
    </message>
    <message>
        <source>Largest file to accept (MB)</source>
        <translation>Taille maximale des fichiers acceptés (Mo)</translation>
    </message>
    <message>
        <source>Offers of larger files are refused.</source>
        <translation>Les propositions de fichiers plus gros sont refusées.</translation>
    </message>
    <message>
        <source>Join these channels</source>
        <translation>Rejoindre ces canaux</translation>
    </message>
    <message>
        <source>#chinwag #python</source>
        <translation>#chinwag #python</translation>
    </message>
    <message>
        <source>Joined on every connect, besides the channels you were in last time.</source>
        <translation>Rejoints à chaque connexion, en plus des canaux où vous étiez la dernière fois.</translation>
    </message>
    <message>
        <source>The port must be a number from 1 to 65535.</source>
        <translation>Le port doit être un nombre entre 1 et 65535.</translation>
    </message>
    <message>
        <source>A SHA-256 fingerprint has 32 pairs of hex digits.</source>
        <translation>Une empreinte SHA-256 compte 32 paires de chiffres hexadécimaux.</translation>
    </message>
    <message>
        <source>A port or a range of ports from 1024 to 65535, like 50000-50100.</source>
        <translation>Un port ou une plage de ports entre 1024 et 65535, par exemple 50000-50100.</translation>
    </message>
    <message>
        <source>SASL EXTERNAL needs a client certificate.</source>
        <translation>SASL EXTERNAL nécessite un certificat client.</translation>
    </message>
    <message>
        <source>The server does not offer the SASL sign-in this account is set to use.</source>
        <translation>Le serveur ne propose pas la connexion SASL que ce compte est configuré pour utiliser.</translation>
    </message>
    <message>
        <source>The server did not accept the account name or password (SASL).</source>
        <translation>Le serveur n&apos;a pas accepté le nom de compte ou le mot de passe (SASL).</translation>
    </message>
    <message>
        <source>The server password was not accepted.</source>
        <translation>Le mot de passe du serveur n&apos;a pas été accepté.</translation>
    </message>
    <message>
        <source>Your password was not sent to NickServ: the user with that nickname is not marked as the network&apos;s services, so it could be anyone.</source>
        <translation>Votre mot de passe n&apos;a pas été envoyé à NickServ&#xa0;: l&apos;utilisateur portant ce pseudo n&apos;est pas identifié comme faisant partie des services du réseau, il pourrait donc s&apos;agir de n&apos;importe qui.</translation>
    </message>
    <message>
        <source>Your password was not sent to NickServ: the server did not say in time whether NickServ is the network&apos;s services.</source>
        <translation>Votre mot de passe n&apos;a pas été envoyé à NickServ&#xa0;: le serveur n&apos;a pas indiqué à temps si NickServ fait partie des services du réseau.</translation>
    </message>
    <message>
        <source>This network has no NickServ: signed in without identifying.</source>
        <translation>Ce réseau n&apos;a pas de NickServ&#xa0;: connecté sans identification.</translation>
    </message>
    <message>
        <source>NickServ did not accept the password.</source>
        <translation>NickServ n&apos;a pas accepté le mot de passe.</translation>
    </message>
    <message>
        <source>This server does not relay reactions.</source>
        <translation>Ce serveur ne relaie pas les réactions.</translation>
    </message>
    <message>
        <source>Cannot use the TLS settings: %1</source>
        <translation>Impossible d&apos;utiliser les paramètres TLS&#xa0;: %1</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted (%1).</source>
        <translation>Le certificat du serveur n&apos;est pas reconnu (%1).</translation>
    </message>
    <message>
        <source>TLS failed: %1</source>
        <translation>Échec TLS&#xa0;: %1</translation>
    </message>
    <message>
        <source>Connection aborted: %1</source>
        <translation>Connexion interrompue&#xa0;: %1</translation>
    </message>
    <message>
        <source>The server did not start TLS. If this port is for plain-text connections, use the TLS port (usually 6697).</source>
        <translation>Le serveur n&apos;a pas démarré TLS. Si ce port sert aux connexions en clair, utilisez le port TLS (généralement 6697).</translation>
    </message>
    <message>
        <source>Cannot find %1: %2</source>
        <translation>Impossible de trouver %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Cannot reach %1:%2: %3</source>
        <translation>Impossible de joindre %1:%2&#xa0;: %3</translation>
    </message>
    <message>
        <source>The server&apos;s certificate does not match the one you chose to trust.</source>
        <translation>Le certificat du serveur ne correspond pas à celui auquel vous avez choisi de faire confiance.</translation>
    </message>
    <message>
        <source>This homeserver does not offer that sign-in.</source>
        <translation>Ce serveur d&apos;accueil ne propose pas ce mode de connexion.</translation>
    </message>
    <message>
        <source>No sign-in service is advertised.</source>
        <translation>Aucun service de connexion n&apos;est annoncé.</translation>
    </message>
    <message>
        <source>The homeserver does not say who signed in.</source>
        <translation>Le serveur d&apos;accueil n&apos;indique pas qui s&apos;est connecté.</translation>
    </message>
    <message>
        <source>The address #{alias} is already taken on this server.</source>
        <translation>L&apos;adresse #{alias} est déjà prise sur ce serveur.</translation>
    </message>
    <message>
        <source>%1: a Matrix ID is @name:server.</source>
        <translation>%1&#xa0;: un identifiant Matrix s&apos;écrit @nom:serveur.</translation>
    </message>
    <message>
        <source>Encryption is not available in this session.</source>
        <translation>Le chiffrement n&apos;est pas disponible dans cette session.</translation>
    </message>
    <message>
        <source>#%1 cannot be a room address.</source>
        <translation>#%1 ne peut pas être une adresse de salon.</translation>
    </message>
    <message>
        <source>The server did not say which room it made.</source>
        <translation>Le serveur n&apos;a pas indiqué quel salon il a créé.</translation>
    </message>
    <message>
        <source>A Matrix ID looks like @name:example.org.</source>
        <translation>Un identifiant Matrix ressemble à @nom:example.org.</translation>
    </message>
    <message>
        <source>Matrix rooms have no %1 role.</source>
        <translation>Les salons Matrix n&apos;ont pas de rôle %1.</translation>
    </message>
    <message>
        <source>The room was closed.</source>
        <translation>Le salon a été fermé.</translation>
    </message>
    <message>
        <source>Not a Matrix media URL.</source>
        <translation>Ce n&apos;est pas une URL de média Matrix.</translation>
    </message>
    <message>
        <source>%1 did not say how to sign in (HTTP %2).</source>
        <translation>%1 n&apos;a pas indiqué comment se connecter (HTTP %2).</translation>
    </message>
    <message>
        <source>The sign-in service “%1” cannot be reached right now. Try again later, or sign in another way.</source>
        <translation>Le service de connexion «&#xa0;%1&#xa0;» est injoignable pour le moment. Réessayez plus tard, ou connectez-vous autrement.</translation>
    </message>
    <message>
        <source>The homeserver&apos;s answer lacks the new session.</source>
        <translation>La réponse du serveur d&apos;accueil ne contient pas la nouvelle session.</translation>
    </message>
    <message>
        <source>The sign-in service cannot be reached (%1).</source>
        <translation>Le service de connexion est injoignable (%1).</translation>
    </message>
    <message>
        <source>The sign-in service did not register the app (%1).</source>
        <translation>Le service de connexion n&apos;a pas enregistré l&apos;application (%1).</translation>
    </message>
    <message>
        <source>The server&apos;s discovery file is unavailable (HTTP %1).</source>
        <translation>Le fichier de découverte du serveur n&apos;est pas disponible (HTTP %1).</translation>
    </message>
    <message>
        <source>The server&apos;s discovery file could not be read (HTTP %1). Enter the homeserver URL in the advanced settings.</source>
        <translation>Le fichier de découverte du serveur n&apos;a pas pu être lu (HTTP %1). Saisissez l&apos;URL du serveur d&apos;accueil dans les paramètres avancés.</translation>
    </message>
    <message>
        <source>The server&apos;s discovery file does not name a valid homeserver. Enter the homeserver URL in the advanced settings.</source>
        <translation>Le fichier de découverte du serveur n&apos;indique pas de serveur d&apos;accueil valide. Saisissez l&apos;URL du serveur d&apos;accueil dans les paramètres avancés.</translation>
    </message>
    <message>
        <source>%1 is not an https:// address. Matrix sign-in needs HTTPS so your password, access token and messages are not sent in the clear; plain http:// is only used on this computer (localhost) or when “Allow unencrypted HTTP” is switched on.</source>
        <translation>%1 n&apos;est pas une adresse https://. La connexion Matrix exige HTTPS pour que votre mot de passe, votre jeton d&apos;accès et vos messages ne circulent pas en clair&#xa0;; le simple http:// n&apos;est utilisé que sur cet ordinateur (localhost) ou quand «&#xa0;Autoriser le HTTP non chiffré&#xa0;» est activé.</translation>
    </message>
    <message>
        <source>The server asks us to slow down.</source>
        <translation>Le serveur nous demande de ralentir.</translation>
    </message>
    <message>
        <source>Wrong Matrix ID or password.</source>
        <translation>Identifiant Matrix ou mot de passe incorrect.</translation>
    </message>
    <message>
        <source>This account has been deactivated.</source>
        <translation>Ce compte a été désactivé.</translation>
    </message>
    <message>
        <source>The session has ended.</source>
        <translation>La session est terminée.</translation>
    </message>
    <message>
        <source>The server had a problem: %1</source>
        <translation>Le serveur a rencontré un problème&#xa0;: %1</translation>
    </message>
    <message>
        <source>The server does not support this.</source>
        <translation>Le serveur ne prend pas cela en charge.</translation>
    </message>
    <message>
        <source>The server asks for another way of confirming than the password to set up cross-signing.</source>
        <translation>Le serveur demande une autre confirmation que le mot de passe pour configurer la signature croisée.</translation>
    </message>
    <message>
        <source>The password is needed to set up cross-signing.</source>
        <translation>Le mot de passe est nécessaire pour configurer la signature croisée.</translation>
    </message>
    <message>
        <source>The server did not accept the password for cross-signing.</source>
        <translation>Le serveur n&apos;a pas accepté le mot de passe pour la signature croisée.</translation>
    </message>
    <message>
        <source>The encryption identity of %1 changed, so their devices are no longer verified. Verify them again before you trust new messages.</source>
        <translation>L&apos;identité de chiffrement de %1 a changé&#xa0;: ses appareils ne sont donc plus vérifiés. Vérifiez-les à nouveau avant de vous fier aux nouveaux messages.</translation>
    </message>
    <message>
        <source>This device&apos;s keys are not on the server yet.</source>
        <translation>Les clés de cet appareil ne sont pas encore sur le serveur.</translation>
    </message>
    <message>
        <source>No keys for device %1.</source>
        <translation>Aucune clé pour l&apos;appareil %1.</translation>
    </message>
    <message>
        <source>The master key of %1 changed meanwhile.</source>
        <translation>La clé maîtresse de %1 a changé entre-temps.</translation>
    </message>
    <message>
        <source>The server refused the signature.</source>
        <translation>Le serveur a refusé la signature.</translation>
    </message>
    <message>
        <source>Waiting for the key to decrypt this message…</source>
        <translation>En attente de la clé pour déchiffrer ce message…</translation>
    </message>
    <message>
        <source>This message could not be decrypted.</source>
        <translation>Ce message n&apos;a pas pu être déchiffré.</translation>
    </message>
    <message>
        <source>This message is end-to-end encrypted; install matrix-nio[e2e] to read it.</source>
        <translation>Ce message est chiffré de bout en bout&#xa0;; installez matrix-nio[e2e] pour le lire.</translation>
    </message>
    <message>
        <source>This room is end-to-end encrypted, and encryption support (matrix-nio[e2e]) is not installed.</source>
        <translation>Ce salon est chiffré de bout en bout, et la prise en charge du chiffrement (matrix-nio[e2e]) n&apos;est pas installée.</translation>
    </message>
    <message>
        <source>End-to-end encryption support (matrix-nio[e2e]) is not installed.</source>
        <translation>La prise en charge du chiffrement de bout en bout (matrix-nio[e2e]) n&apos;est pas installée.</translation>
    </message>
    <message>
        <source>The server gave no position.</source>
        <translation>Le serveur n&apos;a indiqué aucune position.</translation>
    </message>
    <message>
        <source>The homeserver cannot be reached (%1).</source>
        <translation>Le serveur d&apos;accueil est injoignable (%1).</translation>
    </message>
    <message>
        <source>The homeserver&apos;s certificate is not trusted. Check the server, or add its CA certificate in the account&apos;s advanced settings.</source>
        <translation>Le certificat du serveur d&apos;accueil n&apos;est pas reconnu. Vérifiez le serveur, ou ajoutez son certificat d&apos;autorité dans les paramètres avancés du compte.</translation>
    </message>
    <message>
        <source>The homeserver&apos;s certificate is not the one trusted for this account.</source>
        <translation>Le certificat du serveur d&apos;accueil n&apos;est pas celui approuvé pour ce compte.</translation>
    </message>
    <message>
        <source>The file is larger than allowed (%1 bytes; at most %2).</source>
        <translation>Le fichier dépasse la taille autorisée (%1 octets&#xa0;; au plus %2).</translation>
    </message>
    <message>
        <source>Enter the recovery key.</source>
        <translation>Saisissez la clé de récupération.</translation>
    </message>
    <message>
        <source>This is not a recovery key: it contains “%1”, which a recovery key never has.</source>
        <translation>Ce n&apos;est pas une clé de récupération&#xa0;: elle contient «&#xa0;%1&#xa0;», ce qu&apos;une clé de récupération ne contient jamais.</translation>
    </message>
    <message>
        <source>This is not a recovery key (wrong length or start).</source>
        <translation>Ce n&apos;est pas une clé de récupération (longueur ou début incorrect).</translation>
    </message>
    <message>
        <source>The recovery key has a typo: its check character does not match.</source>
        <translation>La clé de récupération contient une faute de frappe&#xa0;: son caractère de contrôle ne correspond pas.</translation>
    </message>
    <message>
        <source>There is no key backup on the server.</source>
        <translation>Il n&apos;y a pas de sauvegarde des clés sur le serveur.</translation>
    </message>
    <message>
        <source>The key backup uses a method Chinwag does not know.</source>
        <translation>La sauvegarde des clés utilise une méthode que Chinwag ne connaît pas.</translation>
    </message>
    <message>
        <source>This recovery key does not belong to the key backup on the server.</source>
        <translation>Cette clé de récupération ne correspond pas à la sauvegarde des clés du serveur.</translation>
    </message>
    <message>
        <source>The server&apos;s answer about the key backup was unusable.</source>
        <translation>La réponse du serveur concernant la sauvegarde des clés était inutilisable.</translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation>Le fichier ne peut pas être lu&#xa0;: %1</translation>
    </message>
    <message>
        <source>The file was not sent: its encryption did not finish. Try again.</source>
        <translation>Le fichier n&apos;a pas été envoyé&#xa0;: son chiffrement ne s&apos;est pas terminé. Réessayez.</translation>
    </message>
    <message>
        <source>The encrypted file is damaged: %1</source>
        <translation>Le fichier chiffré est endommagé&#xa0;: %1</translation>
    </message>
    <message>
        <source>A room is named #alias:server or by its !id.</source>
        <translation>Un salon se désigne par #alias:serveur ou par son&#xa0;!id.</translation>
    </message>
    <message>
        <source>No direct chat.</source>
        <translation>Pas de discussion directe.</translation>
    </message>
    <message>
        <source>The message could not be encrypted: %1</source>
        <translation>Le message n&apos;a pas pu être chiffré&#xa0;: %1</translation>
    </message>
    <message>
        <source>The homeserver&apos;s sign-in service describes itself incompletely (%1 missing or not HTTPS).</source>
        <translation>Le service de connexion du serveur d&apos;accueil se décrit de façon incomplète (%1 manquant ou pas en HTTPS).</translation>
    </message>
    <message>
        <source>The sign-in service offers no authorization code.</source>
        <translation>Le service de connexion ne propose pas de code d&apos;autorisation.</translation>
    </message>
    <message>
        <source>The sign-in service refuses authorization codes.</source>
        <translation>Le service de connexion refuse les codes d&apos;autorisation.</translation>
    </message>
    <message>
        <source>The sign-in service does not support PKCE (S256), so it cannot be used safely by a desktop app.</source>
        <translation>Le service de connexion ne prend pas en charge PKCE (S256)&#xa0;: une application de bureau ne peut donc pas l&apos;utiliser en toute sécurité.</translation>
    </message>
    <message>
        <source>The sign-in service did not register the app.</source>
        <translation>Le service de connexion n&apos;a pas enregistré l&apos;application.</translation>
    </message>
    <message>
        <source>The sign-in answer does not belong to this sign-in.</source>
        <translation>La réponse de connexion ne correspond pas à cette connexion.</translation>
    </message>
    <message>
        <source>The sign-in was not finished: %1.</source>
        <translation>La connexion n&apos;a pas abouti&#xa0;: %1.</translation>
    </message>
    <message>
        <source>The sign-in answer carries no code.</source>
        <translation>La réponse de connexion ne contient aucun code.</translation>
    </message>
    <message>
        <source>The sign-in is no longer valid: sign in again.</source>
        <translation>La connexion n&apos;est plus valide&#xa0;: reconnectez-vous.</translation>
    </message>
    <message>
        <source>The sign-in service refused the token request (%1).</source>
        <translation>Le service de connexion a refusé la demande de jeton (%1).</translation>
    </message>
    <message>
        <source>The sign-in service sent no usable access token.</source>
        <translation>Le service de connexion n&apos;a envoyé aucun jeton d&apos;accès utilisable.</translation>
    </message>
    <message>
        <source>You cannot block yourself.</source>
        <translation>Vous ne pouvez pas vous bloquer vous-même.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Only web links have previews.</source>
        <translation>Seuls les liens web ont un aperçu.</translation>
    </message>
    <message>
        <source>The page has nothing to preview.</source>
        <translation>La page n&apos;a rien à prévisualiser.</translation>
    </message>
    <message>
        <source>The preview has no image.</source>
        <translation>L&apos;aperçu n&apos;a pas d&apos;image.</translation>
    </message>
    <message>
        <source>This Matrix ID is taken: choose another name.</source>
        <translation>Cet identifiant Matrix est déjà pris&#xa0;: choisissez un autre nom.</translation>
    </message>
    <message>
        <source>Too many attempts; try again in a while.</source>
        <translation>Trop de tentatives&#xa0;; réessayez dans un moment.</translation>
    </message>
    <message>
        <source>The homeserver refused the new account: %1.</source>
        <translation>Le serveur d&apos;accueil a refusé le nouveau compte&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Matrix ID</source>
        <translation>Identifiant Matrix</translation>
    </message>
    <message>
        <source>@alice:example.org</source>
        <translation>@alice:example.org</translation>
    </message>
    <message>
        <source>Your full Matrix ID. The homeserver is found from it.</source>
        <translation>Votre identifiant Matrix complet. Le serveur d&apos;accueil est trouvé à partir de celui-ci.</translation>
    </message>
    <message>
        <source>Homeserver URL</source>
        <translation>URL du serveur d&apos;accueil</translation>
    </message>
    <message>
        <source>https://matrix.example.org</source>
        <translation>https://matrix.example.org</translation>
    </message>
    <message>
        <source>Only if it cannot be discovered from your Matrix ID (.well-known).</source>
        <translation>Seulement s&apos;il ne peut pas être découvert à partir de votre identifiant Matrix (.well-known).</translation>
    </message>
    <message>
        <source>Trusted CA certificate</source>
        <translation>Certificat d&apos;autorité approuvé</translation>
    </message>
    <message>
        <source>A PEM file to trust in addition to the system&apos;s certificate authorities.</source>
        <translation>Un fichier PEM à approuver en plus des autorités de certification du système.</translation>
    </message>
    <message>
        <source>Trusted certificate fingerprint</source>
        <translation>Empreinte de certificat approuvée</translation>
    </message>
    <message>
        <source>The SHA-256 fingerprint (AA:BB:…) of a certificate to accept as it is.</source>
        <translation>L&apos;empreinte SHA-256 (AA:BB:…) d&apos;un certificat à accepter tel quel.</translation>
    </message>
    <message>
        <source>Allow unencrypted HTTP</source>
        <translation>Autoriser le HTTP non chiffré</translation>
    </message>
    <message>
        <source>Only for a homeserver you reach safely another way (a VPN, a tunnel). Password, access token and messages would travel without HTTPS.</source>
        <translation>Seulement pour un serveur d&apos;accueil que vous joignez de manière sûre par un autre moyen (un VPN, un tunnel). Le mot de passe, le jeton d&apos;accès et les messages circuleraient sans HTTPS.</translation>
    </message>
    <message>
        <source>Use sliding sync</source>
        <translation>Utiliser la synchronisation glissante (sliding sync)</translation>
    </message>
    <message>
        <source>Where the homeserver has it: the room list arrives in one answer, however many rooms.</source>
        <translation>Quand le serveur d&apos;accueil la propose&#xa0;: la liste des salons arrive en une seule réponse, quel que soit le nombre de salons.</translation>
    </message>
    <message>
        <source>The CA certificate file does not exist.</source>
        <translation>Le fichier de certificat d&apos;autorité n&apos;existe pas.</translation>
    </message>
    <message>
        <source>The certificate fingerprint is invalid: %1</source>
        <translation>L&apos;empreinte du certificat n&apos;est pas valide&#xa0;: %1</translation>
    </message>
    <message>
        <source>The CA certificate file cannot be used: %1</source>
        <translation>Le fichier de certificat d&apos;autorité ne peut pas être utilisé&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 does not look like a Matrix homeserver. Enter the homeserver URL in the advanced settings.</source>
        <translation>%1 ne ressemble pas à un serveur d&apos;accueil Matrix. Saisissez l&apos;URL du serveur d&apos;accueil dans les paramètres avancés.</translation>
    </message>
    <message>
        <source>No password is saved for this account.</source>
        <translation>Aucun mot de passe n&apos;est enregistré pour ce compte.</translation>
    </message>
    <message>
        <source>The homeserver&apos;s sign-in answer is incomplete.</source>
        <translation>La réponse de connexion du serveur d&apos;accueil est incomplète.</translation>
    </message>
    <message>
        <source>The encryption store cannot be opened: %1</source>
        <translation>Le magasin de chiffrement ne peut pas être ouvert&#xa0;: %1</translation>
    </message>
    <message>
        <source>The browser did not come back: the sign-in was not finished in time.</source>
        <translation>Le navigateur n&apos;est pas revenu&#xa0;: la connexion n&apos;a pas abouti à temps.</translation>
    </message>
    <message>
        <source>The homeserver sent the browser back without a token.</source>
        <translation>Le serveur d&apos;accueil a renvoyé le navigateur sans jeton.</translation>
    </message>
    <message>
        <source>The homeserver sent an unusable sync answer.</source>
        <translation>Le serveur d&apos;accueil a envoyé une réponse de synchronisation inutilisable.</translation>
    </message>
    <message>
        <source>Banned by %1: %2</source>
        <translation>Banni par %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Banned by %1</source>
        <translation>Banni par %1</translation>
    </message>
    <message>
        <source>Removed by %1: %2</source>
        <translation>Retiré par %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Removed by %1</source>
        <translation>Retiré par %1</translation>
    </message>
    <message>
        <source>The server ended this session: sign in again. Your messages and encryption keys on this device are kept.</source>
        <translation>Le serveur a mis fin à cette session&#xa0;: reconnectez-vous. Vos messages et vos clés de chiffrement sur cet appareil sont conservés.</translation>
    </message>
    <message>
        <source>The homeserver&apos;s refresh answer lacks the new tokens.</source>
        <translation>La réponse de renouvellement du serveur d&apos;accueil ne contient pas les nouveaux jetons.</translation>
    </message>
    <message>
        <source>The server asks for %1, which Chinwag cannot do. Use the server&apos;s web site for this, then come back.</source>
        <translation>Le serveur demande %1, ce que Chinwag ne sait pas faire. Utilisez le site web du serveur pour cela, puis revenez.</translation>
    </message>
    <message>
        <source>This server gives accounts only to people with a token from its admins.</source>
        <translation>Ce serveur ne donne de comptes qu&apos;aux personnes munies d&apos;un jeton fourni par ses administrateurs.</translation>
    </message>
    <message>
        <source>The server asks for %1 on its web page: it opens in your browser. Come back here when you are done there.</source>
        <translation>Le serveur demande %1 sur sa page web&#xa0;: elle s&apos;ouvre dans votre navigateur. Revenez ici une fois terminé.</translation>
    </message>
    <message>
        <source>Enter the registration token you were given.</source>
        <translation>Saisissez le jeton d&apos;inscription qui vous a été remis.</translation>
    </message>
    <message>
        <source>The server makes accounts only for people who accept its terms.</source>
        <translation>Le serveur ne crée de comptes que pour les personnes qui acceptent ses conditions.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Saisissez votre mot de passe.</translation>
    </message>
    <message>
        <source>The server does not accept this registration token.</source>
        <translation>Le serveur n&apos;accepte pas ce jeton d&apos;inscription.</translation>
    </message>
    <message>
        <source>Wrong password.</source>
        <translation>Mot de passe incorrect.</translation>
    </message>
    <message>
        <source>The web page was not finished: try again in the browser.</source>
        <translation>La page web n&apos;a pas été terminée&#xa0;: réessayez dans le navigateur.</translation>
    </message>
    <message>
        <source>The server refused this step.</source>
        <translation>Le serveur a refusé cette étape.</translation>
    </message>
    <message>
        <source>The server kept asking for more steps.</source>
        <translation>Le serveur a continué à demander des étapes supplémentaires.</translation>
    </message>
    <message>
        <source>The confirmation in the browser (%1) was not finished in time.</source>
        <translation>La confirmation dans le navigateur (%1) n&apos;a pas été terminée à temps.</translation>
    </message>
    <message>
        <source>The emojis did not match.</source>
        <translation>Les émojis ne correspondaient pas.</translation>
    </message>
    <message>
        <source>Cancelled by the user.</source>
        <translation>Annulé par l&apos;utilisateur.</translation>
    </message>
    <message>
        <source>Only emoji verification is known.</source>
        <translation>Seule la vérification par émojis est connue.</translation>
    </message>
    <message>
        <source>No common key agreement.</source>
        <translation>Aucun accord de clé commun.</translation>
    </message>
    <message>
        <source>No common MAC method.</source>
        <translation>Aucune méthode MAC commune.</translation>
    </message>
    <message>
        <source>No common SAS method.</source>
        <translation>Aucune méthode SAS commune.</translation>
    </message>
    <message>
        <source>Unexpected accept.</source>
        <translation>Acceptation inattendue.</translation>
    </message>
    <message>
        <source>No common method.</source>
        <translation>Aucune méthode commune.</translation>
    </message>
    <message>
        <source>No common hash.</source>
        <translation>Aucun hachage commun.</translation>
    </message>
    <message>
        <source>Unexpected key.</source>
        <translation>Clé inattendue.</translation>
    </message>
    <message>
        <source>Key before accept.</source>
        <translation>Clé reçue avant l&apos;acceptation.</translation>
    </message>
    <message>
        <source>Mismatched commitment.</source>
        <translation>Engagement non concordant.</translation>
    </message>
    <message>
        <source>Unexpected MAC.</source>
        <translation>MAC inattendu.</translation>
    </message>
    <message>
        <source>Malformed MAC.</source>
        <translation>MAC mal formé.</translation>
    </message>
    <message>
        <source>The keys did not match.</source>
        <translation>Les clés ne correspondaient pas.</translation>
    </message>
    <message>
        <source>Unknown key type.</source>
        <translation>Type de clé inconnu.</translation>
    </message>
    <message>
        <source>The device key did not match.</source>
        <translation>La clé de l&apos;appareil ne correspondait pas.</translation>
    </message>
    <message>
        <source>The identity did not match.</source>
        <translation>L&apos;identité ne correspondait pas.</translation>
    </message>
    <message>
        <source>The device key was not confirmed.</source>
        <translation>La clé de l&apos;appareil n&apos;a pas été confirmée.</translation>
    </message>
    <message>
        <source>Cancelled by the other side.</source>
        <translation>Annulé par l&apos;autre partie.</translation>
    </message>
    <message>
        <source>Timed out.</source>
        <translation>Délai dépassé.</translation>
    </message>
    <message>
        <source>No encryption.</source>
        <translation>Pas de chiffrement.</translation>
    </message>
    <message>
        <source>%1 has no device %2.</source>
        <translation>%1 n&apos;a pas d&apos;appareil %2.</translation>
    </message>
    <message>
        <source>%1 has no device to verify.</source>
        <translation>%1 n&apos;a aucun appareil à vérifier.</translation>
    </message>
    <message>
        <source>No such verification.</source>
        <translation>Vérification introuvable.</translation>
    </message>
    <message>
        <source>Not an XMPP avatar reference.</source>
        <translation>Ce n&apos;est pas une référence d&apos;avatar XMPP.</translation>
    </message>
    <message>
        <source>No picture was given: %1.</source>
        <translation>Aucune image n&apos;a été fournie&#xa0;: %1.</translation>
    </message>
    <message>
        <source>The vCard has no picture.</source>
        <translation>La vCard n&apos;a pas d&apos;image.</translation>
    </message>
    <message>
        <source>The picture does not match its hash.</source>
        <translation>L&apos;image ne correspond pas à son empreinte.</translation>
    </message>
    <message>
        <source>You signed in elsewhere with the same device name.</source>
        <translation>Vous vous êtes connecté ailleurs avec le même nom d&apos;appareil.</translation>
    </message>
    <message>
        <source>No password is stored for this account.</source>
        <translation>Aucun mot de passe n&apos;est enregistré pour ce compte.</translation>
    </message>
    <message>
        <source>Fetched</source>
        <translation>Récupéré</translation>
    </message>
    <message>
        <source>The server&apos;s certificate does not match the pinned fingerprint.</source>
        <translation>Le certificat du serveur ne correspond pas à l&apos;empreinte épinglée.</translation>
    </message>
    <message>
        <source>The server could not deliver this message.</source>
        <translation>Le serveur n&apos;a pas pu remettre ce message.</translation>
    </message>
    <message>
        <source>%1 offers no XMPP service (DNS SRV).</source>
        <translation>%1 ne propose aucun service XMPP (DNS SRV).</translation>
    </message>
    <message>
        <source>This server offers no file upload.</source>
        <translation>Ce serveur ne propose pas d&apos;envoi de fichiers.</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>Impossible de lire le fichier&#xa0;: %1</translation>
    </message>
    <message>
        <source>The file is too large for this server (at most %1 KiB).</source>
        <translation>Le fichier est trop gros pour ce serveur (au plus %1 Kio).</translation>
    </message>
    <message>
        <source>The upload service sent no address.</source>
        <translation>Le service d&apos;envoi n&apos;a renvoyé aucune adresse.</translation>
    </message>
    <message>
        <source>This server keeps no history.</source>
        <translation>Ce serveur ne conserve pas d&apos;historique.</translation>
    </message>
    <message>
        <source>Loading older messages</source>
        <translation>Chargement des messages plus anciens</translation>
    </message>
    <message>
        <source>Could not find this point in the history.</source>
        <translation>Impossible de trouver ce point dans l&apos;historique.</translation>
    </message>
    <message>
        <source>You are not in this room.</source>
        <translation>Vous n&apos;êtes pas dans ce salon.</translation>
    </message>
    <message>
        <source>%1 is not in the room right now.</source>
        <translation>%1 n&apos;est pas dans le salon en ce moment.</translation>
    </message>
    <message>
        <source>You cannot ban yourself.</source>
        <translation>Vous ne pouvez pas vous bannir vous-même.</translation>
    </message>
    <message>
        <source>%1 is not an XMPP address.</source>
        <translation>%1 n&apos;est pas une adresse XMPP.</translation>
    </message>
    <message>
        <source>The room does not show %1&apos;s address, so it cannot be used for that.</source>
        <translation>Le salon n&apos;affiche pas l&apos;adresse de %1&#xa0;: elle ne peut donc pas être utilisée pour cela.</translation>
    </message>
    <message>
        <source>The downloaded file is too short to be an encrypted file.</source>
        <translation>Le fichier téléchargé est trop court pour être un fichier chiffré.</translation>
    </message>
    <message>
        <source>The downloaded file ended early.</source>
        <translation>Le fichier téléchargé s&apos;est terminé prématurément.</translation>
    </message>
    <message>
        <source>The file could not be decrypted: it was damaged or altered on the way.</source>
        <translation>Le fichier n&apos;a pas pu être déchiffré&#xa0;: il a été endommagé ou modifié en chemin.</translation>
    </message>
    <message>
        <source>The upload service gave no https:// address, so the file cannot be shared encrypted.</source>
        <translation>Le service d&apos;envoi n&apos;a fourni aucune adresse https://&#xa0;: le fichier ne peut donc pas être partagé chiffré.</translation>
    </message>
    <message>
        <source>This is not a valid encrypted file link.</source>
        <translation>Ce n&apos;est pas un lien de fichier chiffré valide.</translation>
    </message>
    <message>
        <source>Encryption is still starting.</source>
        <translation>Le chiffrement est encore en cours de démarrage.</translation>
    </message>
    <message>
        <source>%1 no longer has a device that can read encrypted messages, so this message was not sent.</source>
        <translation>%1 n&apos;a plus d&apos;appareil capable de lire les messages chiffrés&#xa0;: ce message n&apos;a donc pas été envoyé.</translation>
    </message>
    <message>
        <source>This room no longer allows encryption (it must be members-only and show addresses).</source>
        <translation>Ce salon ne permet plus le chiffrement (il doit être réservé aux membres et afficher les adresses).</translation>
    </message>
    <message>
        <source>Not every member can read encrypted messages (%1), so this message was not sent.</source>
        <translation>Tous les membres ne peuvent pas lire les messages chiffrés (%1)&#xa0;: ce message n&apos;a donc pas été envoyé.</translation>
    </message>
    <message>
        <source>One of your devices has a new identity key</source>
        <translation>L&apos;un de vos appareils a une nouvelle clé d&apos;identité</translation>
    </message>
    <message>
        <source>A new device was added to your account</source>
        <translation>Un nouvel appareil a été ajouté à votre compte</translation>
    </message>
    <message>
        <source>A device of %1 has a new identity key</source>
        <translation>Un appareil de %1 a une nouvelle clé d&apos;identité</translation>
    </message>
    <message>
        <source>%1 has a new device</source>
        <translation>%1 a un nouvel appareil</translation>
    </message>
    <message>
        <source>Messages are encrypted to it; compare the fingerprint in Devices to verify it.</source>
        <translation>Les messages sont chiffrés pour lui&#xa0;; comparez l&apos;empreinte dans Appareils pour le vérifier.</translation>
    </message>
    <message>
        <source>Nothing is encrypted to it until you verify or distrust it in Devices.</source>
        <translation>Rien n&apos;est chiffré pour lui tant que vous ne l&apos;avez pas vérifié ou révoqué dans Appareils.</translation>
    </message>
    <message>
        <source>%1 (fingerprint %2). %3</source>
        <translation>%1 (empreinte %2). %3</translation>
    </message>
    <message>
        <source>This message was encrypted, but not for this device, so it cannot be read here.</source>
        <translation>Ce message a été chiffré, mais pas pour cet appareil&#xa0;: il ne peut donc pas être lu ici.</translation>
    </message>
    <message>
        <source>This message could not be decrypted. Repairing the encryption session with the sender may help with the next messages.</source>
        <translation>Ce message n&apos;a pas pu être déchiffré. Réparer la session de chiffrement avec l&apos;expéditeur peut aider pour les messages suivants.</translation>
    </message>
    <message>
        <source>This message came from a device you distrust, so it is not shown.</source>
        <translation>Ce message provient d&apos;un appareil que vous avez révoqué&#xa0;: il n&apos;est donc pas affiché.</translation>
    </message>
    <message>
        <source>This message&apos;s encrypted content was not valid, so it is not shown.</source>
        <translation>Le contenu chiffré de ce message n&apos;était pas valide&#xa0;: il n&apos;est donc pas affiché.</translation>
    </message>
    <message>
        <source>You sent this message from this device; its stored copy cannot be decrypted here.</source>
        <translation>Vous avez envoyé ce message depuis cet appareil&#xa0;; sa copie conservée ne peut pas être déchiffrée ici.</translation>
    </message>
    <message>
        <source>This message is encrypted, and encryption is not available right now.</source>
        <translation>Ce message est chiffré, et le chiffrement n&apos;est pas disponible pour le moment.</translation>
    </message>
    <message>
        <source>This message came from a device whose identity key changed, so it is not shown.</source>
        <translation>Ce message provient d&apos;un appareil dont la clé d&apos;identité a changé&#xa0;: il n&apos;est donc pas affiché.</translation>
    </message>
    <message>
        <source>A device of %1 (%2) now presents another identity key than the one it published, so its messages are not shown.</source>
        <translation>Un appareil de %1 (%2) présente désormais une autre clé d&apos;identité que celle qu&apos;il a publiée&#xa0;: ses messages ne sont donc pas affichés.</translation>
    </message>
    <message>
        <source>A file that was encrypted for this conversation cannot be sent without encryption.</source>
        <translation>Un fichier chiffré pour cette conversation ne peut pas être envoyé sans chiffrement.</translation>
    </message>
    <message>
        <source>%1 has no device this message may be encrypted to (all are distrusted or unreachable), so it was not sent.</source>
        <translation>%1 n&apos;a aucun appareil pour lequel ce message puisse être chiffré (tous sont non fiables ou injoignables)&#xa0;: il n&apos;a donc pas été envoyé.</translation>
    </message>
    <message>
        <source>%1 has a new device you have not decided about. Verify or distrust it in Devices, then send again.</source>
        <translation>%1 a un nouvel appareil au sujet duquel vous n&apos;avez rien décidé. Vérifiez-le ou révoquez sa confiance dans Appareils, puis renvoyez le message.</translation>
    </message>
    <message>
        <source>There is no device to encrypt this message to.</source>
        <translation>Il n&apos;y a aucun appareil pour lequel chiffrer ce message.</translation>
    </message>
    <message>
        <source>This device is always trusted.</source>
        <translation>Cet appareil est toujours considéré comme fiable.</translation>
    </message>
    <message>
        <source>No such device.</source>
        <translation>Appareil introuvable.</translation>
    </message>
    <message>
        <source>No broken encryption session is known here.</source>
        <translation>Aucune session de chiffrement défectueuse n&apos;est connue ici.</translation>
    </message>
    <message>
        <source>Encryption is not available right now.</source>
        <translation>Le chiffrement n&apos;est pas disponible pour le moment.</translation>
    </message>
    <message>
        <source>This server does not let new accounts be made from an app.</source>
        <translation>Ce serveur ne permet pas de créer de nouveaux comptes depuis une application.</translation>
    </message>
    <message>
        <source>This server cannot make accounts.</source>
        <translation>Ce serveur ne peut pas créer de comptes.</translation>
    </message>
    <message>
        <source>This username is taken: choose another one.</source>
        <translation>Ce nom d&apos;utilisateur est déjà pris&#xa0;: choisissez-en un autre.</translation>
    </message>
    <message>
        <source>The server will not make more accounts right now; try again later.</source>
        <translation>Le serveur ne crée plus de comptes pour le moment&#xa0;; réessayez plus tard.</translation>
    </message>
    <message>
        <source>The server did not accept these answers.</source>
        <translation>Le serveur n&apos;a pas accepté ces réponses.</translation>
    </message>
    <message>
        <source>Cannot reach the server.</source>
        <translation>Impossible de joindre le serveur.</translation>
    </message>
    <message>
        <source>No registration form is waiting for answers.</source>
        <translation>Aucun formulaire d&apos;inscription n&apos;attend de réponses.</translation>
    </message>
    <message>
        <source>No XMPP server was found for %1.</source>
        <translation>Aucun serveur XMPP n&apos;a été trouvé pour %1.</translation>
    </message>
    <message>
        <source>Cannot reach the server (%1).</source>
        <translation>Impossible de joindre le serveur (%1).</translation>
    </message>
    <message>
        <source>The server does not offer an encrypted connection.</source>
        <translation>Le serveur ne propose pas de connexion chiffrée.</translation>
    </message>
    <message>
        <source>The server sent no form.</source>
        <translation>Le serveur n&apos;a envoyé aucun formulaire.</translation>
    </message>
    <message>
        <source>This room needs a password (or the password is wrong).</source>
        <translation>Ce salon nécessite un mot de passe (ou le mot de passe est incorrect).</translation>
    </message>
    <message>
        <source>Only members may join this room.</source>
        <translation>Seuls les membres peuvent rejoindre ce salon.</translation>
    </message>
    <message>
        <source>You are banned from this room.</source>
        <translation>Vous êtes banni de ce salon.</translation>
    </message>
    <message>
        <source>This room does not exist or is locked.</source>
        <translation>Ce salon n&apos;existe pas ou est verrouillé.</translation>
    </message>
    <message>
        <source>This room is full.</source>
        <translation>Ce salon est plein.</translation>
    </message>
    <message>
        <source>This server does not let you create rooms.</source>
        <translation>Ce serveur ne vous permet pas de créer des salons.</translation>
    </message>
    <message>
        <source>A nickname is required.</source>
        <translation>Un pseudo est obligatoire.</translation>
    </message>
    <message>
        <source>This nickname is not allowed here.</source>
        <translation>Ce pseudo n&apos;est pas autorisé ici.</translation>
    </message>
    <message>
        <source>This nickname is already used in the room.</source>
        <translation>Ce pseudo est déjà utilisé dans le salon.</translation>
    </message>
    <message>
        <source>You were banned from the room.</source>
        <translation>Vous avez été banni du salon.</translation>
    </message>
    <message>
        <source>You were kicked from the room.</source>
        <translation>Vous avez été expulsé du salon.</translation>
    </message>
    <message>
        <source>Your membership was removed.</source>
        <translation>Votre statut de membre a été retiré.</translation>
    </message>
    <message>
        <source>The room became members-only.</source>
        <translation>Le salon est désormais réservé aux membres.</translation>
    </message>
    <message>
        <source>The room service is shutting down.</source>
        <translation>Le service de salons s&apos;arrête.</translation>
    </message>
    <message>
        <source>%1 is not a room address.</source>
        <translation>%1 n&apos;est pas une adresse de salon.</translation>
    </message>
    <message>
        <source>Could not join the room.</source>
        <translation>Impossible de rejoindre le salon.</translation>
    </message>
    <message>
        <source>You left the room.</source>
        <translation>Vous avez quitté le salon.</translation>
    </message>
    <message>
        <source>This server has no group chat service.</source>
        <translation>Ce serveur n&apos;a pas de service de discussion de groupe.</translation>
    </message>
    <message>
        <source>%1 cannot be a room address.</source>
        <translation>%1 ne peut pas être une adresse de salon.</translation>
    </message>
    <message>
        <source>You are already in this room.</source>
        <translation>Vous êtes déjà dans ce salon.</translation>
    </message>
    <message>
        <source>Could not create the room.</source>
        <translation>Impossible de créer le salon.</translation>
    </message>
    <message>
        <source>A room with the address %1 already exists.</source>
        <translation>Un salon avec l&apos;adresse %1 existe déjà.</translation>
    </message>
    <message>
        <source>This server offers no group chat service.</source>
        <translation>Ce serveur ne propose pas de service de discussion de groupe.</translation>
    </message>
    <message>
        <source>The room did not answer.</source>
        <translation>Le salon n&apos;a pas répondu.</translation>
    </message>
    <message>
        <source>This server cannot block contacts.</source>
        <translation>Ce serveur ne permet pas de bloquer des contacts.</translation>
    </message>
    <message>
        <source>%1 is not an XMPP address to block.</source>
        <translation>%1 n&apos;est pas une adresse XMPP que l&apos;on peut bloquer.</translation>
    </message>
    <message>
        <source>Disconnect the account to appear offline.</source>
        <translation>Déconnectez le compte pour apparaître hors ligne.</translation>
    </message>
    <message>
        <source>%1: the server did not answer.</source>
        <translation>%1&#xa0;: le serveur n&apos;a pas répondu.</translation>
    </message>
    <message>
        <source>XMPP address</source>
        <translation>Adresse XMPP</translation>
    </message>
    <message>
        <source>you@example.org</source>
        <translation>vous@example.org</translation>
    </message>
    <message>
        <source>Your address on the server, like an e-mail address.</source>
        <translation>Votre adresse sur le serveur, comme une adresse électronique.</translation>
    </message>
    <message>
        <source>Device name (resource)</source>
        <translation>Nom de l&apos;appareil (ressource)</translation>
    </message>
    <message>
        <source>Tells your devices apart; a short random tag is added so two never collide.</source>
        <translation>Distingue vos appareils&#xa0;; une courte étiquette aléatoire est ajoutée pour que deux appareils n&apos;entrent jamais en conflit.</translation>
    </message>
    <message>
        <source>Server host</source>
        <translation>Hôte du serveur</translation>
    </message>
    <message>
        <source>Only if the server cannot be found from your address (DNS SRV).</source>
        <translation>Seulement si le serveur ne peut pas être trouvé à partir de votre adresse (DNS SRV).</translation>
    </message>
    <message>
        <source>Used with Server host.</source>
        <translation>Utilisé avec Hôte du serveur.</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Chiffrement</translation>
    </message>
    <message>
        <source>auto: as the server announces; starttls or direct TLS for a given host and port.</source>
        <translation>auto&#xa0;: comme l&apos;annonce le serveur&#xa0;; starttls ou TLS direct pour un hôte et un port donnés.</translation>
    </message>
    <message>
        <source>Trusted CA certificate file</source>
        <translation>Fichier de certificat d&apos;autorité approuvé</translation>
    </message>
    <message>
        <source>A PEM file with the certificate authority of a self-hosted server.</source>
        <translation>Un fichier PEM contenant l&apos;autorité de certification d&apos;un serveur auto-hébergé.</translation>
    </message>
    <message>
        <source>Pinned certificate fingerprint (SHA-256)</source>
        <translation>Empreinte du certificat épinglé (SHA-256)</translation>
    </message>
    <message>
        <source>AA:BB:…</source>
        <translation>AA:BB:…</translation>
    </message>
    <message>
        <source>Trust exactly this server certificate, even if no authority vouches for it.</source>
        <translation>Faire confiance exactement à ce certificat de serveur, même si aucune autorité ne s&apos;en porte garante.</translation>
    </message>
    <message>
        <source>A PEM certificate (with its key, or give the key below) naming your address: signs in with it (SASL EXTERNAL) instead of the password.</source>
        <translation>Un certificat PEM (avec sa clé, ou indiquez la clé ci-dessous) portant votre adresse&#xa0;: la connexion se fait avec lui (SASL EXTERNAL) au lieu du mot de passe.</translation>
    </message>
    <message>
        <source>The address must look like name@example.org.</source>
        <translation>L&apos;adresse doit être de la forme nom@example.org.</translation>
    </message>
    <message>
        <source>The port must be between 1 and 65535.</source>
        <translation>Le port doit être compris entre 1 et 65535.</translation>
    </message>
    <message>
        <source>A port needs a server host.</source>
        <translation>Un port nécessite un hôte de serveur.</translation>
    </message>
    <message>
        <source>The client certificate file does not exist.</source>
        <translation>Le fichier du certificat client n&apos;existe pas.</translation>
    </message>
    <message>
        <source>A key needs its client certificate.</source>
        <translation>Une clé nécessite son certificat client.</translation>
    </message>
    <message>
        <source>The key file does not exist.</source>
        <translation>Le fichier de clé n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Choose one of %1.</source>
        <translation>Choisissez parmi %1.</translation>
    </message>
    <message>
        <source>An XMPP address is required.</source>
        <translation>Une adresse XMPP est obligatoire.</translation>
    </message>
    <message>
        <source>The server could not check the password now.</source>
        <translation>Le serveur n&apos;a pas pu vérifier le mot de passe pour le moment.</translation>
    </message>
    <message>
        <source>This account is disabled on the server.</source>
        <translation>Ce compte est désactivé sur le serveur.</translation>
    </message>
    <message>
        <source>Wrong address or password.</source>
        <translation>Adresse ou mot de passe incorrect.</translation>
    </message>
    <message>
        <source>The server does not serve %1.</source>
        <translation>Le serveur ne dessert pas %1.</translation>
    </message>
    <message>
        <source>Cannot reach the server%1.</source>
        <translation>Impossible de joindre le serveur%1.</translation>
    </message>
    <message>
        <source>The server offered an unencrypted upload address; refusing.</source>
        <translation>Le serveur a proposé une adresse d&apos;envoi non chiffrée&#xa0;; refusée.</translation>
    </message>
    <message>
        <source>The upload server sent a malformed answer.</source>
        <translation>Le serveur d&apos;envoi a renvoyé une réponse mal formée.</translation>
    </message>
    <message>
        <source>The upload server answered %1.</source>
        <translation>Le serveur d&apos;envoi a répondu %1.</translation>
    </message>
    <message>
        <source>Too many redirections.</source>
        <translation>Trop de redirections.</translation>
    </message>
    <message>
        <source>Only https links are downloaded.</source>
        <translation>Seuls les liens https sont téléchargés.</translation>
    </message>
    <message>
        <source>The server sent an oversized answer.</source>
        <translation>Le serveur a envoyé une réponse trop volumineuse.</translation>
    </message>
    <message>
        <source>The server answered %1.</source>
        <translation>Le serveur a répondu %1.</translation>
    </message>
    <message>
        <source>The file server sent a malformed answer.</source>
        <translation>Le serveur de fichiers a renvoyé une réponse mal formée.</translation>
    </message>
    <message>
        <source>The server did not answer in HTTP.</source>
        <translation>Le serveur n&apos;a pas répondu en HTTP.</translation>
    </message>
    <message>
        <source>The download ended early.</source>
        <translation>Le téléchargement s&apos;est terminé prématurément.</translation>
    </message>
    <message>
        <source>The file is larger than %1 MiB; not downloaded.</source>
        <translation>Le fichier dépasse %1 Mio&#xa0;; il n&apos;a pas été téléchargé.</translation>
    </message>
    <message>
        <source>The upload server&apos;s certificate does not match the pinned fingerprint.</source>
        <translation>Le certificat du serveur d&apos;envoi ne correspond pas à l&apos;empreinte épinglée.</translation>
    </message>
    <message>
        <source>The passphrase is too short: use at least %1 characters (a few unrelated words are easy to remember and hard to guess).</source>
        <translation>La phrase de passe est trop courte&#xa0;: utilisez au moins %1 caractères (quelques mots sans rapport entre eux sont faciles à retenir et difficiles à deviner).</translation>
    </message>
    <message>
        <source>The passphrase cannot begin or end with a space.</source>
        <translation>La phrase de passe ne peut ni commencer ni finir par une espace.</translation>
    </message>
    <message>
        <source>WHOIS %1</source>
        <translation>WHOIS %1</translation>
    </message>
    <message>
        <source>%1 is %2@%3 (%4)</source>
        <translation>%1 est %2@%3 (%4)</translation>
    </message>
    <message>
        <source>logged in as %1</source>
        <translation>connecté en tant que %1</translation>
    </message>
    <message>
        <source>on %1</source>
        <comment>the channels someone is in</comment>
        <translation>sur %1</translation>
    </message>
    <message>
        <source>via %1</source>
        <comment>the server someone is connected to</comment>
        <translation>via %1</translation>
    </message>
    <message>
        <source>away: %1</source>
        <translation>absent&#xa0;: %1</translation>
    </message>
    <message>
        <source>idle %1 s</source>
        <comment>seconds since someone last spoke</comment>
        <translation>inactif depuis %1 s</translation>
    </message>
    <message>
        <source>using a secure connection</source>
        <translation>utilise une connexion sécurisée</translation>
    </message>
    <message>
        <source>no such nick</source>
        <translation>pseudo inconnu</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <comment>the parts of a WHOIS summary</comment>
        <translation>%1&#xa0;; %2</translation>
    </message>
    <message numerus="yes">
        <source>Could not save %n incoming update(s) (%1); the log says which.</source>
        <translation>
            <numerusform>Impossible d&apos;enregistrer %n mise à jour reçue (%1)&#xa0;; le journal dit laquelle.</numerusform>
            <numerusform>Impossible d&apos;enregistrer %n mises à jour reçues (%1)&#xa0;; le journal dit lesquelles.</numerusform>
        </translation>
    </message>
    <message>
        <source>The message store of this account is damaged (%1). Incoming messages are kept in memory for now and are lost when Chinwag quits.</source>
        <translation>Le stockage des messages de ce compte est endommagé (%1). Les messages entrants sont gardés en mémoire pour l’instant et seront perdus à la fermeture de Chinwag.</translation>
    </message>
    <message>
        <source>Could not save incoming messages (%1). They are kept and saved as soon as the disk works again.</source>
        <translation>Impossible d&apos;enregistrer les messages reçus (%1). Ils sont conservés et seront enregistrés dès que le disque fonctionnera de nouveau.</translation>
    </message>
    <message numerus="yes">
        <source>%n incoming update(s) dropped: too many were waiting to be saved (in %1).</source>
        <translation>
            <numerusform>%n mise à jour reçue abandonnée&#xa0;: trop attendaient d&apos;être enregistrées (dans %1).</numerusform>
            <numerusform>%n mises à jour reçues abandonnées&#xa0;: trop attendaient d&apos;être enregistrées (dans %1).</numerusform>
        </translation>
    </message>
    <message>
        <source>Incoming messages are saved again.</source>
        <translation>Les messages reçus sont de nouveau enregistrés.</translation>
    </message>
    <message numerus="yes">
        <source>%n incoming update(s) could not be saved before the account stopped (%1); they are lost.</source>
        <translation>
            <numerusform>%n mise à jour entrante n’a pas pu être enregistrée avant l’arrêt du compte (%1)&#xa0;; elle est perdue.</numerusform>
            <numerusform>%n mises à jour entrantes n’ont pas pu être enregistrées avant l’arrêt du compte (%1)&#xa0;; elles sont perdues.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reconnecting to fetch again what could not be saved.</source>
        <translation>Reconnexion pour récupérer à nouveau ce qui n’a pas pu être enregistré.</translation>
    </message>
    <message>
        <source>This poll has ended.</source>
        <translation>Ce sondage est terminé.</translation>
    </message>
    <message>
        <source>This poll does not offer that choice.</source>
        <translation>Ce sondage ne propose pas ce choix.</translation>
    </message>
    <message>
        <source>Only who started a poll can end it.</source>
        <translation>Seule la personne qui a lancé un sondage peut le terminer.</translation>
    </message>
    <message>
        <source>A poll needs a question and two answers.</source>
        <translation>Un sondage demande une question et deux réponses.</translation>
    </message>
    <message>
        <source>This poll is too long.</source>
        <translation>Ce sondage est trop long.</translation>
    </message>
    <message>
        <source>No such poll.</source>
        <translation>Ce sondage n’existe pas.</translation>
    </message>
    <message>
        <source>Could not remove the message: you are not a moderator of this room.</source>
        <translation>Impossible de supprimer le message&#xa0;: vous n’êtes pas modérateur de ce salon.</translation>
    </message>
    <message>
        <source>Could not remove the message: the room no longer has it.</source>
        <translation>Impossible de supprimer le message&#xa0;: le salon ne l’a plus.</translation>
    </message>
    <message>
        <source>Could not remove the message</source>
        <translation>Impossible de supprimer le message</translation>
    </message>
    <message>
        <source>This room does not let moderators remove messages.</source>
        <translation>Ce salon ne permet pas aux modérateurs de supprimer des messages.</translation>
    </message>
    <message>
        <source>Which session?</source>
        <translation>Quelle session&#xa0;?</translation>
    </message>
    <message>
        <source>This session is the one Chinwag uses: remove the account to sign it out.</source>
        <translation>Cette session est celle qu&apos;utilise Chinwag&#xa0;: supprimez le compte pour la déconnecter.</translation>
    </message>
    <message>
        <source>The server did not accept the password to sign those sessions out.</source>
        <translation>Le serveur n&apos;a pas accepté le mot de passe pour déconnecter ces sessions.</translation>
    </message>
    <message>
        <source>The server asks to confirm in another way than with the password (single sign-on): sign those sessions out on your server&apos;s account page or in Element.</source>
        <translation>Le serveur demande une autre confirmation que le mot de passe (authentification unique)&#xa0;: déconnectez ces sessions depuis la page de compte de votre serveur ou dans Element.</translation>
    </message>
    <message>
        <source>The account&apos;s password is needed to sign other sessions out.</source>
        <translation>Le mot de passe du compte est nécessaire pour déconnecter d&apos;autres sessions.</translation>
    </message>
    <message>
        <source>The draft could not be saved.</source>
        <translation>Le brouillon n’a pas pu être enregistré.</translation>
    </message>
    <message>
        <source>the new account</source>
        <translation>le nouveau compte</translation>
    </message>
    <message>
        <source>the account&apos;s changes</source>
        <translation>les modifications du compte</translation>
    </message>
    <message>
        <source>that the account is on</source>
        <translation>l&apos;activation du compte</translation>
    </message>
    <message>
        <source>that the account is off</source>
        <translation>la désactivation du compte</translation>
    </message>
    <message>
        <source>the history to keep</source>
        <translation>l&apos;historique à conserver</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>le disque est plein</translation>
    </message>
    <message>
        <source>the disk could not be written (input/output error)</source>
        <translation>impossible d&apos;écrire sur le disque (erreur d&apos;entrée/sortie)</translation>
    </message>
    <message>
        <source>the file may not be written</source>
        <translation>le fichier ne peut pas être modifié</translation>
    </message>
    <message>
        <source>the file is in use by another program</source>
        <translation>le fichier est utilisé par un autre programme</translation>
    </message>
    <message>
        <source>the file is damaged</source>
        <translation>le fichier est endommagé</translation>
    </message>
    <message>
        <source>the file cannot be opened</source>
        <translation>le fichier ne peut pas être ouvert</translation>
    </message>
    <message>
        <source>the disk reported an error (%1)</source>
        <translation>le disque a signalé une erreur (%1)</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>Impossible d&apos;enregistrer %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>the setting</source>
        <translation>le réglage</translation>
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
        <translation>&amp;Vérifier l&apos;appareil sélectionné</translation>
    </message>
    <message>
        <source>Verify the selected device</source>
        <translation>Vérifier l&apos;appareil sélectionné</translation>
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
        <translation>Les empreintes correspondent&#xa0;: marquer l&apos;appareil sélectionné comme vérifié</translation>
    </message>
    <message>
        <source>&amp;Distrust</source>
        <translation>&amp;Révoquer la confiance</translation>
    </message>
    <message>
        <source>Distrust the selected device: nothing is encrypted to it any more</source>
        <translation>Ne plus faire confiance à l&apos;appareil sélectionné&#xa0;: plus rien ne sera chiffré pour lui</translation>
    </message>
    <message>
        <source>&amp;Undo decision</source>
        <translation>&amp;Annuler la décision</translation>
    </message>
    <message>
        <source>Take back the decision about the selected device</source>
        <translation>Revenir sur la décision concernant l&apos;appareil sélectionné</translation>
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
        <source>QR code of the selected device&apos;s fingerprint</source>
        <translation>Code QR de l&apos;empreinte de l&apos;appareil sélectionné</translation>
    </message>
    <message>
        <source>Compare the fingerprint with the one the device shows, or scan this code.</source>
        <translation>Comparez l&apos;empreinte avec celle qu&apos;affiche l&apos;appareil, ou scannez ce code.</translation>
    </message>
    <message>
        <source>The devices could not be listed.</source>
        <translation>Les appareils n&apos;ont pas pu être listés.</translation>
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
        <translation>Le vôtre&#xa0;: {name}</translation>
    </message>
    <message>
        <source>{name} of {who} — {trust}</source>
        <translation>{name} de {who} — {trust}</translation>
    </message>
    <message>
        <source>Encodes the address {uri}</source>
        <translation>Encode l&apos;adresse {uri}</translation>
    </message>
    <message>
        <source>That did not work.</source>
        <translation>Cela n&apos;a pas fonctionné.</translation>
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
        <translation>Affiche les paramètres dont la plupart des comptes n&apos;ont jamais besoin.</translation>
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
        <translation>Tapez une partie d&apos;un nom. Bas va aux résultats&#xa0;; Entrée prend le premier, ou, sans saisie, le dernier utilisé.</translation>
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
        <translation>
            <numerusform>Résultats (%n)</numerusform>
            <numerusform>Résultats (%n)</numerusform>
        </translation>
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
        <translation>Problème&#xa0;: {text}</translation>
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
        <source>Chat on XMPP, Matrix and IRC from one window. Each account stays separate: its contacts and conversations are never mixed with another&apos;s.

To begin, add the account you use most. You can add more later.</source>
        <translation>Discutez sur XMPP, Matrix et IRC depuis une seule fenêtre. Chaque compte reste séparé&#xa0;: ses contacts et ses conversations ne sont jamais mélangés avec ceux d&apos;un autre.

Pour commencer, ajoutez le compte que vous utilisez le plus. Vous pourrez en ajouter d&apos;autres plus tard.</translation>
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
        <translation>C&amp;ompte&#xa0;:</translation>
    </message>
    <message>
        <source>Please fill in: {fields}</source>
        <translation>Veuillez remplir&#xa0;: {fields}</translation>
    </message>
    <message>
        <source>Required, still empty</source>
        <translation>Obligatoire, encore vide</translation>
    </message>
</context>
<context>
    <name>FreedesktopNotifier</name>
    <message>
        <source>Open conversation</source>
        <translation>Ouvrir la conversation</translation>
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
        <source>Copy text</source>
        <translation>Copier le texte</translation>
    </message>
    <message>
        <source>Delete for everyone</source>
        <translation>Supprimer pour tout le monde</translation>
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
        <translation>Image&#xa0;: {name}</translation>
    </message>
    <message>
        <source>Image viewer</source>
        <translation>Visionneuse d&apos;images</translation>
    </message>
    <message>
        <source>Loading the image…</source>
        <translation>Chargement de l&apos;image…</translation>
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
        <translation>Enregistrer une copie de l&apos;image</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>This file could not be shown as an image ({error}).</source>
        <translation>Ce fichier n&apos;a pas pu être affiché comme image ({error}).</translation>
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
        <translation>{percent}&#xa0;%</translation>
    </message>
    <message>
        <source>{percent} % (fitted)</source>
        <translation>{percent}&#xa0;% (ajusté)</translation>
    </message>
    <message>
        <source>Could not save: {error}</source>
        <translation>Enregistrement impossible&#xa0;: {error}</translation>
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
        <translation>Rien n&apos;attend de réponse.</translation>
    </message>
    <message>
        <source>Open a room first.</source>
        <translation>Ouvrez d&apos;abord un salon.</translation>
    </message>
    <message>
        <source>Open this address in your web browser to continue: {url}</source>
        <translation>Ouvrez cette adresse dans votre navigateur web pour continuer&#xa0;: {url}</translation>
    </message>
    <message>
        <source>The plugin “{name}” could not be loaded: {reason}</source>
        <translation>Le module «&#xa0;{name}&#xa0;» n&apos;a pas pu être chargé&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{account}: the server ended the session. Sign in again with Edit account; your messages and encryption keys are kept.</source>
        <translation>{account}&#xa0;: le serveur a mis fin à la session. Reconnectez-vous avec Modifier le compte&#xa0;; vos messages et vos clés de chiffrement sont conservés.</translation>
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
        <translation>Message vocal</translation>
    </message>
    <message>
        <source>Audio: {name}</source>
        <translation>Audio&#xa0;: {name}</translation>
    </message>
    <message>
        <source>Video: {name}</source>
        <translation>Vidéo&#xa0;: {name}</translation>
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
        <translation>
            <numerusform>Membres (%n)</numerusform>
            <numerusform>Membres (%n)</numerusform>
        </translation>
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
        <source>Re&amp;veal spoiler</source>
        <translation>&amp;Dévoiler le spoiler</translation>
    </message>
    <message>
        <source>&amp;Retry sending</source>
        <translation>Réessa&amp;yer l&apos;envoi</translation>
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
        <translation>Supprimer ce message pour tous les participants de la conversation&#xa0;?</translation>
    </message>
    <message>
        <source>New encryption sessions were started. Messages sent from now on can be read; ask for the unreadable ones again.</source>
        <translation>De nouvelles sessions de chiffrement ont été ouvertes. Les messages envoyés désormais pourront être lus&#xa0;; redemandez ceux qui sont illisibles.</translation>
    </message>
    <message>
        <source>Images are never loaded</source>
        <translation>Les images ne sont jamais chargées</translation>
    </message>
    <message>
        <source>Your privacy setting says never to load images from the network, so {name} was not downloaded. Load images when you ask for them from now on?</source>
        <translation>Votre paramètre de confidentialité interdit de charger les images depuis le réseau&#xa0;: {name} n&apos;a donc pas été téléchargée. Charger désormais les images à la demande&#xa0;?</translation>
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
        <translation>échec du téléchargement&#xa0;: {error}</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>downloading {percent}%</source>
        <translation>téléchargement {percent}&#xa0;%</translation>
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
        <translation>Le message n&apos;a pas pu être envoyé.</translation>
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
        <translation>téléchargement {percent}&#xa0;%</translation>
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
        <source>Removed by a moderator.</source>
        <translation>Supprimé par un modérateur.</translation>
    </message>
    <message>
        <source>Removed by {moderator}.</source>
        <translation>Supprimé par {moderator}.</translation>
    </message>
    <message>
        <source>Removed by {moderator}: {reason}</source>
        <translation>Supprimé par {moderator}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
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
        <translation>
            <numerusform>%n message dans le fil</numerusform>
            <numerusform>%n messages dans le fil</numerusform>
        </translation>
    </message>
    <message>
        <source>{count}, latest from {sender}, {text}</source>
        <translation>{count}, le dernier de {sender}, {text}</translation>
    </message>
    <message>
        <source>{count}, latest from {sender}: {text}</source>
        <translation>{count}, le dernier de {sender}&#xa0;: {text}</translation>
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
    <name>ModerationActions</name>
    <message>
        <source>Re&amp;move as moderator…</source>
        <translation>Supprimer en tant que &amp;modérateur…</translation>
    </message>
    <message>
        <source>Remove message</source>
        <translation>Supprimer le message</translation>
    </message>
    <message>
        <source>Remove this message for everyone in the room? Reason (optional, public):</source>
        <translation>Supprimer ce message pour tout le monde dans le salon&#xa0;? Raison (facultative, publique)&#xa0;:</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
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
        <translation>C&amp;ompte&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>Cré&amp;er</translation>
    </message>
    <message>
        <source>Add an account first.</source>
        <translation>Ajoutez d&apos;abord un compte.</translation>
    </message>
    <message>
        <source>This account cannot create rooms right now (it is not connected, or its service has no rooms).</source>
        <translation>Ce compte ne peut pas créer de salon pour l&apos;instant (il n&apos;est pas connecté, ou son service n&apos;a pas de salons).</translation>
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
        <translation>Le salon n&apos;a pas pu être créé.</translation>
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
        <translation>Texte de l&apos;avis</translation>
    </message>
    <message>
        <source>Try again now</source>
        <translation>Réessayer maintenant</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Dismiss notice</source>
        <translation>Fermer l&apos;avis</translation>
    </message>
    <message>
        <source>Error: </source>
        <translation>Erreur&#xa0;: </translation>
    </message>
    <message>
        <source>Warning: </source>
        <translation>Avertissement&#xa0;: </translation>
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
        <translation>
            <numerusform>(%n de plus)</numerusform>
            <numerusform>(%n de plus)</numerusform>
        </translation>
    </message>
    <message>
        <source>{action}: {notice}</source>
        <translation>{action}&#xa0;: {notice}</translation>
    </message>
</context>
<context>
    <name>NotificationCenter</name>
    <message numerus="yes">
        <source>%n new message(s)</source>
        <translation>
            <numerusform>%n nouveau message</numerusform>
            <numerusform>%n nouveaux messages</numerusform>
        </translation>
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
        <translation>Nom pour {address}&#xa0;:</translation>
    </message>
    <message>
        <source>Remove contact</source>
        <translation>Retirer le contact</translation>
    </message>
    <message>
        <source>Remove {name} from your contacts? You will no longer see each other&apos;s status.</source>
        <translation>Retirer {name} de vos contacts&#xa0;? Vous ne verrez plus le statut l&apos;un de l&apos;autre.</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Bloquer</translation>
    </message>
    <message>
        <source>Block {name}? You will not get their messages, invitations or requests any more, and they are not told.</source>
        <translation>Bloquer {name}&#xa0;? Vous ne recevrez plus ses messages, invitations ou demandes, et cette personne n&apos;en sera pas informée.</translation>
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
        <translation>{who} n&apos;est plus bloqué.</translation>
    </message>
    <message>
        <source>That did not work.</source>
        <translation>Cela n&apos;a pas fonctionné.</translation>
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
        <translation>
            <numerusform>de {first} et %n autre personne</numerusform>
            <numerusform>de {first} et %n autres personnes</numerusform>
        </translation>
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
        <translation>
            <numerusform>%n nouveau message privé de {sender}</numerusform>
            <numerusform>%n nouveaux messages privés de {sender}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s) in {conversation}</source>
        <translation>
            <numerusform>%n nouveau message dans {conversation}</numerusform>
            <numerusform>%n nouveaux messages dans {conversation}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mentioning you</source>
        <translation>
            <numerusform>%n vous mentionne</numerusform>
            <numerusform>%n vous mentionnent</numerusform>
        </translation>
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
    <name>PollActions</name>
    <message>
        <source>&amp;Vote</source>
        <translation>&amp;Voter</translation>
    </message>
    <message>
        <source>&amp;Take my vote back</source>
        <translation>&amp;Retirer mon vote</translation>
    </message>
    <message>
        <source>E&amp;nd poll</source>
        <translation>&amp;Terminer le sondage</translation>
    </message>
</context>
<context>
    <name>PollDialog</name>
    <message>
        <source>Start a poll</source>
        <translation>Lancer un sondage</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Answers, one a line</source>
        <translation>Réponses, une par ligne</translation>
    </message>
    <message>
        <source>Show the &amp;results while the poll is open</source>
        <translation>Afficher les résultats pendant le &amp;vote</translation>
    </message>
    <message>
        <source>Answers one may choose</source>
        <translation>Nombre de réponses à choisir</translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation>&amp;Question&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Answers (one a line):</source>
        <translation>&amp;Réponses (une par ligne)&#xa0;:</translation>
    </message>
    <message>
        <source>Answers one may &amp;choose:</source>
        <translation>Nombre de réponses à &amp;choisir&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Start poll</source>
        <translation>&amp;Lancer le sondage</translation>
    </message>
    <message>
        <source>Write the question.</source>
        <translation>Écrivez la question.</translation>
    </message>
    <message>
        <source>Write between 2 and {most} answers, one a line.</source>
        <translation>Écrivez de 2 à {most} réponses, une par ligne.</translation>
    </message>
</context>
<context>
    <name>PollView</name>
    <message numerus="yes">
        <source>%n vote(s)</source>
        <translation>
            <numerusform>%n vote</numerusform>
            <numerusform>%n votes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n voter(s)</source>
        <translation>
            <numerusform>%n votant</numerusform>
            <numerusform>%n votants</numerusform>
        </translation>
    </message>
    <message>
        <source>Poll ended, {voters}</source>
        <translation>Sondage terminé, {voters}</translation>
    </message>
    <message>
        <source>Results will be shown when the poll ends</source>
        <translation>Les résultats seront affichés à la fin du sondage</translation>
    </message>
    <message>
        <source>Poll: {question}</source>
        <translation>Sondage&#xa0;: {question}</translation>
    </message>
    <message>
        <source>your choice</source>
        <translation>votre choix</translation>
    </message>
    <message>
        <source>Choose up to {n} answers</source>
        <translation>Choisissez jusqu’à {n} réponses</translation>
    </message>
    <message>
        <source>Poll, {question}</source>
        <translation>Sondage, {question}</translation>
    </message>
</context>
<context>
    <name>PresenceWords</name>
    <message>
        <source>active just now</source>
        <translation>actif à l&apos;instant</translation>
    </message>
    <message numerus="yes">
        <source>last seen %n minute(s) ago</source>
        <translation>
            <numerusform>vu pour la dernière fois il y a %n minute</numerusform>
            <numerusform>vu pour la dernière fois il y a %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>last seen %n hour(s) ago</source>
        <translation>
            <numerusform>vu pour la dernière fois il y a %n heure</numerusform>
            <numerusform>vu pour la dernière fois il y a %n heures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>last seen %n day(s) ago</source>
        <translation>
            <numerusform>vu pour la dernière fois il y a %n jour</numerusform>
            <numerusform>vu pour la dernière fois il y a %n jours</numerusform>
        </translation>
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
        <translation>{account}&#xa0;: {label} terminé</translation>
    </message>
    <message>
        <source>{account}: {label} {done} of {total}</source>
        <translation>{account}&#xa0;: {label} {done} sur {total}</translation>
    </message>
    <message>
        <source>{account}: {label} ({done})</source>
        <translation>{account}&#xa0;: {label} ({done})</translation>
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
        <translation>
            <numerusform>%n non lu</numerusform>
            <numerusform>%n non lus</numerusform>
        </translation>
    </message>
    <message>
        <source>Conversation name</source>
        <translation>Nom de la conversation</translation>
    </message>
    <message>
        <source>Type part of a name…</source>
        <translation>Tapez une partie d&apos;un nom…</translation>
    </message>
    <message>
        <source>Matching conversations</source>
        <translation>Conversations correspondantes</translation>
    </message>
    <message>
        <source>&amp;Go to:</source>
        <translation>&amp;Aller à&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>%n conversation(s) found, first {entry}</source>
        <translation>
            <numerusform>%n conversation trouvée, en premier {entry}</numerusform>
            <numerusform>%n conversations trouvées, en premier {entry}</numerusform>
        </translation>
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
        <translation>Message&#xa0;: {message}</translation>
    </message>
    <message>
        <source>{who} wants to verify your device on {account}, to trust each other&apos;s encrypted messages.</source>
        <translation>{who} souhaite vérifier votre appareil sur {account}, pour que vous puissiez vous fier mutuellement à vos messages chiffrés.</translation>
    </message>
    <message>
        <source>{who} wants to send you a file on {account}: {name}</source>
        <translation>{who} souhaite vous envoyer un fichier sur {account}&#xa0;: {name}</translation>
    </message>
    <message>
        <source>Accept files from this person?</source>
        <translation>Accepter les fichiers de cette personne&#xa0;?</translation>
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
        <translation>Accepter&#xa0;: {text}</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Bloquer</translation>
    </message>
    <message>
        <source>Block: {text}</source>
        <translation>Bloquer&#xa0;: {text}</translation>
    </message>
    <message>
        <source>Say no and block this person: nothing more from them.</source>
        <translation>Refuser et bloquer cette personne&#xa0;: plus rien d’elle.</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Refuser</translation>
    </message>
    <message>
        <source>Decline: {text}</source>
        <translation>Refuser&#xa0;: {text}</translation>
    </message>
    <message numerus="yes">
        <source>Requests (%n)</source>
        <translation>
            <numerusform>Demandes (%n)</numerusform>
            <numerusform>Demandes (%n)</numerusform>
        </translation>
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
        <translation>C&amp;ompte&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>Re&amp;chercher&#xa0;:</translation>
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
        <translation>Recherche des comptes disposant d&apos;un annuaire de salons…</translation>
    </message>
    <message>
        <source>None of your connected accounts has a room directory to browse.</source>
        <translation>Aucun de vos comptes connectés n&apos;a d&apos;annuaire de salons à parcourir.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>The room list could not be fetched.</source>
        <translation>La liste des salons n&apos;a pas pu être récupérée.</translation>
    </message>
    <message numerus="yes">
        <source>%n room(s)</source>
        <translation>
            <numerusform>%n salon</numerusform>
            <numerusform>%n salons</numerusform>
        </translation>
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
        <translation>
            <numerusform>{name}, %n membre</numerusform>
            <numerusform>{name}, %n membres</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoomOptionsForm</name>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Room name</source>
        <translation>Nom du salon</translation>
    </message>
    <message>
        <source>Add&amp;ress:</source>
        <translation>A&amp;dresse&#xa0;:</translation>
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
        <translation>&amp;Sujet&#xa0;:</translation>
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
        <translation>&amp;Qui peut rejoindre&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Mot de &amp;passe&#xa0;:</translation>
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
        <translation>&amp;Modéré&#xa0;: seules les personnes ayant la parole peuvent écrire</translation>
    </message>
    <message>
        <source>&amp;End-to-end encrypted</source>
        <translation>&amp;Chiffré de bout en bout</translation>
    </message>
    <message>
        <source>&amp;Invite:</source>
        <translation>&amp;Inviter&#xa0;:</translation>
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
        <translation>Tout le monde&#xa0;: listé dans l&apos;annuaire des salons</translation>
    </message>
    <message>
        <source>Anyone who knows the address</source>
        <translation>Toute personne qui connaît l&apos;adresse</translation>
    </message>
    <message>
        <source>Only people who are invited</source>
        <translation>Seulement les personnes invitées</translation>
    </message>
    <message>
        <source>Invited people; others may ask to join</source>
        <translation>Les personnes invitées&#xa0;; les autres peuvent demander à rejoindre</translation>
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
        <translation>&amp;Personnes&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rôle&#xa0;:</translation>
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
        <translation>Bannis du salon&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Address or mask:</source>
        <translation>&amp;Adresse ou masque&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Bans</source>
        <translation>&amp;Bannissements</translation>
    </message>
    <message>
        <source>Reading the room&apos;s settings…</source>
        <translation>Lecture des paramètres du salon…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>The settings could not be read.</source>
        <translation>Les paramètres n&apos;ont pas pu être lus.</translation>
    </message>
    <message>
        <source>You may change this room&apos;s settings.</source>
        <translation>Vous pouvez modifier les paramètres de ce salon.</translation>
    </message>
    <message>
        <source>Only the room&apos;s owners may change its settings.</source>
        <translation>Seuls les propriétaires du salon peuvent en modifier les paramètres.</translation>
    </message>
    <message>
        <source>(by {who})</source>
        <translation>(par {who})</translation>
    </message>
    <message>
        <source>Nobody is banned.</source>
        <translation>Personne n&apos;est banni.</translation>
    </message>
    <message>
        <source>The room&apos;s settings were saved.</source>
        <translation>Les paramètres du salon ont été enregistrés.</translation>
    </message>
    <message>
        <source>Choose a person in the list first.</source>
        <translation>Choisissez d&apos;abord une personne dans la liste.</translation>
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
        <translation>Choisissez d&apos;abord un bannissement dans la liste.</translation>
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
        <translation>Fermer ce salon pour tout le monde&#xa0;? Toutes les personnes présentes en seront retirées, et il ne pourra plus être rejoint.</translation>
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
        <translation>Cela n&apos;a pas fonctionné.</translation>
    </message>
</context>
<context>
    <name>ScreenReaderOffer</name>
    <message>
        <source>Screen-reader mode</source>
        <translation>Mode lecteur d&apos;écran</translation>
    </message>
    <message>
        <source>A screen reader is running. Chinwag has a mode for it: the keyboard starts in the conversation list, message times are read only when you ask (Ctrl+T), and nothing is animated. You can change this later in Settings.</source>
        <translation>Un lecteur d&apos;écran est en cours d&apos;exécution. Chinwag dispose d&apos;un mode adapté&#xa0;: le clavier démarre dans la liste des conversations, l&apos;heure des messages n&apos;est lue que sur demande (Ctrl+T) et rien n&apos;est animé. Vous pourrez changer cela plus tard dans les Paramètres.</translation>
    </message>
    <message>
        <source>&amp;Turn on screen-reader mode</source>
        <translation>&amp;Activer le mode lecteur d&apos;écran</translation>
    </message>
    <message>
        <source>Turn on screen-reader mode</source>
        <translation>Activer le mode lecteur d&apos;écran</translation>
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
        <translation>Re&amp;chercher&#xa0;:</translation>
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
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
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
    <name>SecureStorageDialog</name>
    <message>
        <source>Set up secure storage</source>
        <translation>Configurer le stockage sécurisé</translation>
    </message>
    <message>
        <source>Secure storage keeps your cross-signing keys and the key of your message backup on the server, encrypted. A new device (Chinwag, Element or another app) opens it to read your old encrypted messages and to take over your verified identity.</source>
        <translation>Le stockage sécurisé garde sur le serveur, chiffrées, vos clés de signature croisée et la clé de la sauvegarde de vos messages. Un nouvel appareil (Chinwag, Element ou une autre application) l&apos;ouvre pour lire vos anciens messages chiffrés et reprendre votre identité vérifiée.</translation>
    </message>
    <message>
        <source>How do you want to open it?</source>
        <translation>Comment voulez-vous l&apos;ouvrir&#xa0;?</translation>
    </message>
    <message>
        <source>&amp;Generate a recovery key</source>
        <translation>&amp;Générer une clé de récupération</translation>
    </message>
    <message>
        <source>Generate a recovery key</source>
        <translation>Générer une clé de récupération</translation>
    </message>
    <message>
        <source>Recommended: a key to keep in a password manager</source>
        <translation>Recommandé&#xa0;: une clé à conserver dans un gestionnaire de mots de passe</translation>
    </message>
    <message>
        <source>&amp;Use a passphrase</source>
        <translation>&amp;Utiliser une phrase de passe</translation>
    </message>
    <message>
        <source>Use a passphrase</source>
        <translation>Utiliser une phrase de passe</translation>
    </message>
    <message>
        <source>A recovery key is made as well, in case you forget the passphrase</source>
        <translation>Une clé de récupération est aussi créée, au cas où vous oublieriez la phrase de passe</translation>
    </message>
    <message>
        <source>At least {count} characters.</source>
        <translation>Au moins {count} caractères.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase de passe</translation>
    </message>
    <message>
        <source>Repeat passphrase</source>
        <translation>Répéter la phrase de passe</translation>
    </message>
    <message>
        <source>P&amp;assphrase:</source>
        <translation>&amp;Phrase de passe&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Repeat passphrase:</source>
        <translation>&amp;Répéter la phrase de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>&amp;Set up</source>
        <translation>&amp;Configurer</translation>
    </message>
    <message>
        <source>Setting up secure storage; deriving a key from a passphrase takes a moment…</source>
        <translation>Configuration du stockage sécurisé&#xa0;; dériver une clé d&apos;une phrase de passe prend un moment…</translation>
    </message>
    <message>
        <source>Setting up secure storage…</source>
        <translation>Configuration du stockage sécurisé…</translation>
    </message>
    <message>
        <source>The two passphrases differ: type the same passphrase in both fields.</source>
        <translation>Les deux phrases de passe diffèrent&#xa0;: tapez la même phrase de passe dans les deux champs.</translation>
    </message>
    <message>
        <source>Secure storage could not be set up.</source>
        <translation>Le stockage sécurisé n&apos;a pas pu être configuré.</translation>
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
        <source>Problem</source>
        <translation>Problème</translation>
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
        <source>Words that count as a mention</source>
        <translation>Mots qui comptent comme une mention</translation>
    </message>
    <message>
        <source>Separated by commas. A message holding one of them as a word counts as mentioning you, like your name: it is highlighted and notifies you.</source>
        <translation>Séparés par des virgules. Un message qui contient l&apos;un d&apos;eux comme mot compte comme une mention, comme votre nom&#xa0;: il est mis en évidence et vous notifie.</translation>
    </message>
    <message>
        <source>e.g. release, Chinwag</source>
        <translation>p.&#xa0;ex. version, Chinwag</translation>
    </message>
    <message>
        <source>Keep running in the background when the window is closed</source>
        <translation>Continuer en arrière-plan quand la fenêtre est fermée</translation>
    </message>
    <message>
        <source>This desktop has no system tray, so closing the window quits Chinwag.</source>
        <translation>Ce bureau n&apos;a pas de zone de notification, fermer la fenêtre quitte donc Chinwag.</translation>
    </message>
    <message>
        <source>Check spelling while I type</source>
        <translation>Vérifier l&apos;orthographe pendant la saisie</translation>
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
        <translation>Montrer aux autres quand j&apos;écris</translation>
    </message>
    <message>
        <source>Send read receipts</source>
        <translation>Envoyer des accusés de lecture</translation>
    </message>
    <message>
        <source>Accept new private conversations only from contacts</source>
        <translation>N&apos;accepter de nouvelles conversations privées que de mes contacts</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apparence</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Thème&#xa0;:</translation>
    </message>
    <message>
        <source>Text si&amp;ze:</source>
        <translation>Taille du te&amp;xte&#xa0;:</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Confidentialité</translation>
    </message>
    <message>
        <source>&amp;Images:</source>
        <translation>&amp;Images&#xa0;:</translation>
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
        <source>Also &amp;mention me for:</source>
        <translation>Me &amp;mentionner aussi pour&#xa0;:</translation>
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
    <message>
        <source>Start Chinwag when I log in</source>
        <translation>Lancer Chinwag à l&apos;ouverture de ma session</translation>
    </message>
    <message>
        <source>Chinwag starts with its window hidden in the system tray, where there is one.</source>
        <translation>Chinwag démarre avec sa fenêtre masquée dans la zone de notification, s&apos;il y en a une.</translation>
    </message>
    <message>
        <source>Could not change the start at login: {error}</source>
        <translation>Impossible de modifier le lancement à l&apos;ouverture de session&#xa0;: {error}</translation>
    </message>
    <message>
        <source>That did not work.</source>
        <translation>Cela n&apos;a pas fonctionné.</translation>
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
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>quit (closing the window may keep Chinwag in the tray)</source>
        <translation>quitter (fermer la fenêtre peut laisser Chinwag dans la zone de notification)</translation>
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
        <source>in the message field, spelling suggestions and language</source>
        <translation>dans le champ de message, suggestions orthographiques et langue</translation>
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
        <source>Delete</source>
        <translation>Suppr</translation>
    </message>
    <message>
        <source>on your message, delete it for everyone</source>
        <translation>sur votre message, le supprimer pour tout le monde</translation>
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
        <translation>&amp;Touches&#xa0;:</translation>
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
    <name>SidebarDelegate</name>
    <message>
        <source>Draft</source>
        <translation>Brouillon</translation>
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
        <source>Draft: {text}</source>
        <translation>Brouillon&#xa0;: {text}</translation>
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
        <translation>
            <numerusform>%n non lu</numerusform>
            <numerusform>%n non lus</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mentioning you</source>
        <translation>
            <numerusform>%n vous mentionne</numerusform>
            <numerusform>%n vous mentionnent</numerusform>
        </translation>
    </message>
    <message>
        <source>unsent draft</source>
        <translation>brouillon non envoyé</translation>
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
        <translation>Lire&#xa0;: {label}</translation>
    </message>
    <message>
        <source>Open the server&apos;s page in the browser</source>
        <translation>Ouvrir la page du serveur dans le navigateur</translation>
    </message>
</context>
<context>
    <name>SignedInDialog</name>
    <message>
        <source>Sessions of {account}</source>
        <translation>Sessions de {account}</translation>
    </message>
    <message>
        <source>Sessions where this account is signed in</source>
        <translation>Sessions où ce compte est connecté</translation>
    </message>
    <message>
        <source>&amp;Signed in on:</source>
        <translation>Co&amp;nnecté sur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Renommer…</translation>
    </message>
    <message>
        <source>Rename the selected session</source>
        <translation>Renommer la session sélectionnée</translation>
    </message>
    <message>
        <source>Sign &amp;out…</source>
        <translation>&amp;Déconnecter…</translation>
    </message>
    <message>
        <source>Sign out the selected sessions</source>
        <translation>Déconnecter les sessions sélectionnées</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Refresh the list of sessions</source>
        <translation>Actualiser la liste des sessions</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Unnamed session</source>
        <translation>Session sans nom</translation>
    </message>
    <message>
        <source>{name} (this session)</source>
        <translation>{name} (cette session)</translation>
    </message>
    <message>
        <source>last seen {when}</source>
        <translation>vue pour la dernière fois le {when}</translation>
    </message>
    <message>
        <source>from {address}</source>
        <translation>depuis {address}</translation>
    </message>
    <message>
        <source>Choose one session to rename.</source>
        <translation>Choisissez une session à renommer.</translation>
    </message>
    <message>
        <source>Rename session</source>
        <translation>Renommer la session</translation>
    </message>
    <message>
        <source>Name of this session, as your other apps list it:</source>
        <translation>Nom de cette session, tel que vos autres applications l&apos;affichent&#xa0;:</translation>
    </message>
    <message>
        <source>Choose other sessions than this one: removing the account signs it out.</source>
        <translation>Choisissez d&apos;autres sessions que celle-ci&#xa0;: supprimer le compte la déconnecte.</translation>
    </message>
    <message>
        <source>Sign out sessions</source>
        <translation>Déconnecter des sessions</translation>
    </message>
    <message numerus="yes">
        <source>Sign out %n session(s)? They can no longer read or send messages until they sign in again; encrypted messages they alone hold the keys to are lost to them.</source>
        <translation>
            <numerusform>Déconnecter %n session&#xa0;? Elle ne pourra plus lire ni envoyer de messages avant de se reconnecter&#xa0;; les messages chiffrés dont elle seule détient les clés seront perdus pour elle.</numerusform>
            <numerusform>Déconnecter %n sessions&#xa0;? Elles ne pourront plus lire ni envoyer de messages avant de se reconnecter&#xa0;; les messages chiffrés dont elles seules détiennent les clés seront perdus pour elles.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Déconnecter</translation>
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
        <translation>N&apos;affiche que les conversations d&apos;un espace et de ses sous-espaces.</translation>
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
        <translation>
            <numerusform>{name} — %n non lu, vous mentionne</numerusform>
            <numerusform>{name} — %n non lus, vous mentionne</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name} — %n unread</source>
        <translation>
            <numerusform>{name} — %n non lu</numerusform>
            <numerusform>{name} — %n non lus</numerusform>
        </translation>
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
        <translation>Chargement des salons de l&apos;espace…</translation>
    </message>
    <message>
        <source>Rooms in the space</source>
        <translation>Salons de l&apos;espace</translation>
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
        <translation>Les salons n&apos;ont pas pu être listés&#xa0;: {error}</translation>
    </message>
    <message numerus="yes">
        <source>The space holds more rooms than can be listed; here are the first %n.</source>
        <translation>
            <numerusform>L&apos;espace contient plus de salons qu&apos;il n&apos;est possible d&apos;en lister&#xa0;; voici le premier.</numerusform>
            <numerusform>L&apos;espace contient plus de salons qu&apos;il n&apos;est possible d&apos;en lister&#xa0;; voici les %n premiers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n room(s) in this space.</source>
        <translation>
            <numerusform>%n salon dans cet espace.</numerusform>
            <numerusform>%n salons dans cet espace.</numerusform>
        </translation>
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
        <translation>
            <numerusform>%n membre</numerusform>
            <numerusform>%n membres</numerusform>
        </translation>
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
        <translation>Impossible de rejoindre {name}&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>Spoilers</name>
    <message>
        <source>Spoiler: {reason}</source>
        <translation>Spoiler&#xa0;: {reason}</translation>
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
        <translation>Se connecter via une page web</translation>
    </message>
    <message>
        <source>Sign in through your organisation&apos;s page:</source>
        <translation>Se connecter via la page de votre organisation&#xa0;:</translation>
    </message>
    <message>
        <source>This server signs you in through a web page:</source>
        <translation>Ce serveur vous connecte via une page web&#xa0;:</translation>
    </message>
    <message>
        <source>Sign in with {name}</source>
        <translation>Se connecter avec {name}</translation>
    </message>
    <message>
        <source>Opens your web browser; come back here when you are signed in.</source>
        <translation>Ouvre votre navigateur web&#xa0;; revenez ici une fois connecté.</translation>
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
        <translation>Fil lancé par {who}&#xa0;: {text}</translation>
    </message>
    <message>
        <source>The answer could not be sent.</source>
        <translation>La réponse n&apos;a pas pu être envoyée.</translation>
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
        <translation>
            <numerusform>Chinwag — %n non lu</numerusform>
            <numerusform>Chinwag — %n non lus</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UriHandler</name>
    <message>
        <source>This link cannot be opened: {problem} ({uri})</source>
        <translation>Ce lien ne peut pas être ouvert&#xa0;: {problem} ({uri})</translation>
    </message>
    <message>
        <source>You already have an account on {server}: “{account}”.</source>
        <translation>Vous avez déjà un compte sur {server}&#xa0;: «&#xa0;{account}&#xa0;».</translation>
    </message>
    <message>
        <source>{address} opens once “{account}” is connected.</source>
        <translation>{address} s&apos;ouvrira une fois «&#xa0;{account}&#xa0;» connecté.</translation>
    </message>
    <message>
        <source>“{account}” is not connected, so {address} cannot be opened. Enable or edit the account in the Accounts menu, then open the link again.</source>
        <translation>«&#xa0;{account}&#xa0;» n&apos;est pas connecté&#xa0;: {address} ne peut donc pas être ouvert. Activez ou modifiez le compte dans le menu Comptes, puis ouvrez à nouveau le lien.</translation>
    </message>
    <message>
        <source>The link could not be opened: {reason}</source>
        <translation>Le lien n&apos;a pas pu être ouvert&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>that did not work</source>
        <translation>cela n&apos;a pas fonctionné</translation>
    </message>
    <message>
        <source>You have no IRC account on {server} to open {uri}. Add one: the link opens once it is added.</source>
        <translation>Vous n&apos;avez aucun compte IRC sur {server} pour ouvrir {uri}. Ajoutez-en un&#xa0;: le lien s&apos;ouvrira une fois le compte ajouté.</translation>
    </message>
    <message>
        <source>You have no {protocol} account to open {uri}. Add one: the link opens once it is added.</source>
        <translation>Vous n&apos;avez aucun compte {protocol} pour ouvrir {uri}. Ajoutez-en un&#xa0;: le lien s&apos;ouvrira une fois le compte ajouté.</translation>
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
        <translation>l&apos;adresse qu&apos;il contient n&apos;est pas valide</translation>
    </message>
    <message>
        <source>the port in it is not valid</source>
        <translation>le port qu&apos;il contient n&apos;est pas valide</translation>
    </message>
    <message>
        <source>this kind of link is not supported</source>
        <translation>ce type de lien n&apos;est pas pris en charge</translation>
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
        <source>They do&amp;n&apos;t match</source>
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
        <translation>En attente de l&apos;acceptation de {who} sur son appareil…</translation>
    </message>
    <message>
        <source>Both sides agreed. Preparing the emojis…</source>
        <translation>Les deux parties ont accepté. Préparation des émojis…</translation>
    </message>
    <message>
        <source>Compare these emojis with the ones {who} sees, in the same order. Only confirm if they are identical.</source>
        <translation>Comparez ces émojis avec ceux que voit {who}, dans le même ordre. Ne confirmez que s&apos;ils sont identiques.</translation>
    </message>
    <message>
        <source>{who}&apos;s device is verified. Messages from it are now trusted.</source>
        <translation>L&apos;appareil de {who} est vérifié. Ses messages sont désormais considérés comme fiables.</translation>
    </message>
    <message>
        <source>The verification was stopped: {reason}</source>
        <translation>La vérification a été interrompue&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>aucun motif indiqué</translation>
    </message>
    <message>
        <source>Emojis: {names}</source>
        <translation>Émojis&#xa0;: {names}</translation>
    </message>
</context>
<context>
    <name>VideoPlayer</name>
    <message>
        <source>Position in {title}</source>
        <translation>Position dans {title}</translation>
    </message>
    <message>
        <source>Larger</source>
        <translation>Agrandir</translation>
    </message>
    <message>
        <source>Open the video larger</source>
        <translation>Ouvrir la vidéo en plus grand</translation>
    </message>
    <message>
        <source>Pause video</source>
        <translation>Mettre la vidéo en pause</translation>
    </message>
    <message>
        <source>Play video</source>
        <translation>Lire la vidéo</translation>
    </message>
    <message>
        <source>Cannot play: {reason}</source>
        <translation>Lecture impossible&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
</context>
<context>
    <name>VoiceMessageControl</name>
    <message>
        <source>Voice messa&amp;ge…</source>
        <translation>Mess&amp;age vocal…</translation>
    </message>
    <message>
        <source>Record a voice message</source>
        <translation>Enregistrer un message vocal</translation>
    </message>
    <message>
        <source>Recording time</source>
        <translation>Durée de l&apos;enregistrement</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel the voice message</source>
        <translation>Annuler le message vocal</translation>
    </message>
    <message>
        <source>Send voice message</source>
        <translation>Envoyer le message vocal</translation>
    </message>
    <message>
        <source>Send the voice message</source>
        <translation>Envoyer le message vocal</translation>
    </message>
    <message>
        <source>Preparing the voice message…</source>
        <translation>Préparation du message vocal…</translation>
    </message>
    <message>
        <source>● Recording {time}</source>
        <translation>● Enregistrement {time}</translation>
    </message>
    <message>
        <source>The voice message was not sent ({why}); the recording is kept in {path}</source>
        <translation>Le message vocal n&apos;a pas été envoyé ({why})&#xa0;; l&apos;enregistrement est conservé dans {path}</translation>
    </message>
    <message>
        <source>The voice message was not recorded: {reason}</source>
        <translation>Le message vocal n&apos;a pas été enregistré&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>VoiceRecorder</name>
    <message>
        <source>Recording needs QtMultimedia (PySide6-Addons), which is not installed</source>
        <translation>L&apos;enregistrement nécessite QtMultimedia (PySide6-Addons), qui n&apos;est pas installé</translation>
    </message>
    <message>
        <source>No microphone was found</source>
        <translation>Aucun microphone n&apos;a été trouvé</translation>
    </message>
    <message>
        <source>Nothing was recorded.</source>
        <translation>Rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>Recording failed.</source>
        <translation>L&apos;enregistrement a échoué.</translation>
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
        <translation>E&amp;xporter l&apos;historique du compte…</translation>
    </message>
    <message>
        <source>&amp;Import history…</source>
        <translation>&amp;Importer un historique…</translation>
    </message>
    <message>
        <source>Delete &amp;old history…</source>
        <translation>Supprimer l&apos;ancien &amp;historique…</translation>
    </message>
    <message>
        <source>Si&amp;gned-in sessions…</source>
        <translation>Sessions &amp;connectées…</translation>
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
        <translation>
            <numerusform>Inactif depuis %n minute</numerusform>
            <numerusform>Inactif depuis %n minutes</numerusform>
        </translation>
    </message>
</context>
</TS>
