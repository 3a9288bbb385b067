<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>Accessibility</name>
    <message>
        <source>Clear {field}</source>
        <translation>Borrar el campo {field}</translation>
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
        <translation>¿Comemos a mediodía?</translation>
    </message>
    <message>
        <source>in reply to Alice, anyone free today?</source>
        <translation>en respuesta a Alice, ¿alguien libre hoy?</translation>
    </message>
    <message>
        <source>reactions, 👍 2</source>
        <translation>reacciones, 👍 2</translation>
    </message>
    <message>
        <source>attachments, menu.pdf</source>
        <translation>adjuntos, menu.pdf</translation>
    </message>
    <message>
        <source>read</source>
        <translation>leído</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>editado</translation>
    </message>
    <message>
        <source>sent from an unverified device</source>
        <translation>enviado desde un dispositivo no verificado</translation>
    </message>
    <message>
        <source>Screen-&amp;reader mode</source>
        <translation>Modo de &amp;lector de pantalla</translation>
    </message>
    <message>
        <source>Screen-reader mode</source>
        <translation>Modo de lector de pantalla</translation>
    </message>
    <message>
        <source>Starts in the conversation list, reads message times only on request (Ctrl+T) and turns animations off.</source>
        <translation>Empieza en la lista de conversaciones, lee la hora de los mensajes solo cuando se pide (Ctrl+T) y desactiva las animaciones.</translation>
    </message>
    <message>
        <source>Read new messages of the &amp;open conversation</source>
        <translation>Leer los mensajes nuevos de la conversación &amp;abierta</translation>
    </message>
    <message>
        <source>Read new messages of the open conversation</source>
        <translation>Leer los mensajes nuevos de la conversación abierta</translation>
    </message>
    <message>
        <source>Read aloud in the background</source>
        <translation>Lectura en voz alta en segundo plano</translation>
    </message>
    <message>
        <source>Read aloud in {account}</source>
        <translation>Leer en voz alta en {account}</translation>
    </message>
    <message>
        <source>Every message</source>
        <translation>Todos los mensajes</translation>
    </message>
    <message>
        <source>Mentions and direct messages</source>
        <translation>Menciones y mensajes directos</translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation>Nada</translation>
    </message>
    <message>
        <source>No accounts yet.</source>
        <translation>Todavía no hay cuentas.</translation>
    </message>
    <message>
        <source>Reading a message</source>
        <translation>Lectura de un mensaje</translation>
    </message>
    <message>
        <source>Parts read, in order</source>
        <translation>Partes que se leen, en orden</translation>
    </message>
    <message>
        <source>&amp;Parts read, in order (check to read):</source>
        <translation>&amp;Partes que se leen, en orden (marca para leer):</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>S&amp;ubir</translation>
    </message>
    <message>
        <source>Move the part up</source>
        <translation>Subir la parte</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>&amp;Bajar</translation>
    </message>
    <message>
        <source>Move the part down</source>
        <translation>Bajar la parte</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Pre&amp;view:</source>
        <translation>&amp;Vista previa:</translation>
    </message>
    <message>
        <source>{part}, now {position} of {count}</source>
        <translation>{part}, ahora {position} de {count}</translation>
    </message>
    <message>
        <source>Preview, {text}</source>
        <translation>Vista previa, {text}</translation>
    </message>
</context>
<context>
    <name>AccountActions</name>
    <message>
        <source>Select an account in the sidebar first.</source>
        <translation>Primero selecciona una cuenta en la barra lateral.</translation>
    </message>
    <message>
        <source>Nothing is waiting to be saved any more.</source>
        <translation>Ya no hay nada pendiente de guardar.</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Eliminar cuenta</translation>
    </message>
    <message>
        <source>Remove the account “{name}”? You will be signed out and its password removed from the keyring.</source>
        <translation>¿Eliminar la cuenta «{name}»? Se cerrará la sesión y su contraseña se quitará del depósito de claves.</translation>
    </message>
    <message>
        <source>Keep its history on this computer?</source>
        <translation>¿Conservar su historial en este equipo?</translation>
    </message>
    <message>
        <source>Remove, &amp;keep history</source>
        <translation>Eliminar y conservar el &amp;historial</translation>
    </message>
    <message>
        <source>Remove and &amp;delete history</source>
        <translation>Eliminar y &amp;borrar el historial</translation>
    </message>
    <message>
        <source>Status message</source>
        <translation>Mensaje de estado</translation>
    </message>
    <message>
        <source>What should others see?</source>
        <translation>¿Qué deben ver los demás?</translation>
    </message>
    <message>
        <source>Your recovery key</source>
        <translation>Tu clave de recuperación</translation>
    </message>
    <message>
        <source>Secure storage is set up: your passphrase opens it on a new device, here or in other apps such as Element. This recovery key opens it too, should you forget the passphrase: keep it somewhere safe, such as a password manager. It is shown only now.</source>
        <translation>El almacenamiento seguro está configurado: tu frase de contraseña lo abre en un dispositivo nuevo, aquí o en otras aplicaciones como Element. Esta clave de recuperación también lo abre, por si olvidas la frase de contraseña: guárdala en un lugar seguro, como un gestor de contraseñas. Solo se muestra ahora.</translation>
    </message>
    <message>
        <source>Keep this recovery key somewhere safe, such as a password manager. It is shown only now; with it, a new device can read your old encrypted messages and take over your verified identity. It opens this account&apos;s secure storage in other apps too, such as Element.</source>
        <translation>Guarda esta clave de recuperación en un lugar seguro, como un gestor de contraseñas. Solo se muestra ahora; con ella, un dispositivo nuevo podrá leer tus mensajes cifrados antiguos y asumir tu identidad verificada. También abre el almacenamiento seguro de esta cuenta en otras aplicaciones, como Element.</translation>
    </message>
    <message>
        <source>Recovery key or secure storage passphrase:</source>
        <translation>Clave de recuperación o frase de contraseña del almacenamiento seguro:</translation>
    </message>
    <message>
        <source>Secure storage opened and keys restored from the backup.</source>
        <translation>Almacenamiento seguro abierto y claves restauradas desde la copia de seguridad.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>Restore from key backup</source>
        <translation>Restaurar desde la copia de seguridad de claves</translation>
    </message>
</context>
<context>
    <name>AccountDetailsPage</name>
    <message>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>Loading services…</source>
        <translation>Cargando servicios…</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>Ser&amp;vicio:</translation>
    </message>
    <message>
        <source>Account details</source>
        <translation>Datos de la cuenta</translation>
    </message>
    <message>
        <source>Advanced settings</source>
        <translation>Ajustes avanzados</translation>
    </message>
    <message>
        <source>Name in the sidebar</source>
        <translation>Nombre en la barra lateral</translation>
    </message>
    <message>
        <source>Shown in the sidebar (optional)</source>
        <translation>Se muestra en la barra lateral (opcional)</translation>
    </message>
    <message>
        <source>&amp;Name in the sidebar:</source>
        <translation>&amp;Nombre en la barra lateral:</translation>
    </message>
    <message>
        <source>&amp;Advanced</source>
        <translation>Avan&amp;zado</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Connection test</source>
        <translation>Prueba de conexión</translation>
    </message>
    <message>
        <source>&amp;Trust this certificate</source>
        <translation>&amp;Confiar en este certificado</translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation>Confiar en este certificado</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>Edit account</source>
        <translation>Editar cuenta</translation>
    </message>
    <message>
        <source>Add an account</source>
        <translation>Añadir una cuenta</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <source>Save account</source>
        <translation>Guardar la cuenta</translation>
    </message>
    <message>
        <source>Sign in and add the account</source>
        <translation>Iniciar sesión y añadir la cuenta</translation>
    </message>
    <message>
        <source>&amp;Create account</source>
        <translation>Crear c&amp;uenta</translation>
    </message>
    <message>
        <source>Create a new account</source>
        <translation>Crear una cuenta nueva</translation>
    </message>
    <message>
        <source>Makes a new account on the server with this address and password.</source>
        <translation>Crea una cuenta nueva en el servidor con esta dirección y contraseña.</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Probar la conexión</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Probar la conexión</translation>
    </message>
    <message>
        <source>Add &amp;anyway</source>
        <translation>Añadir de &amp;todos modos</translation>
    </message>
    <message>
        <source>Add the account anyway</source>
        <translation>Añadir la cuenta de todos modos</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Atrás</translation>
    </message>
    <message>
        <source>Back to the account details</source>
        <translation>Volver a los datos de la cuenta</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>No services available</source>
        <translation>No hay servicios disponibles</translation>
    </message>
    <message>
        <source>No service plugins are installed, so no account can be added.</source>
        <translation>No hay ningún complemento de servicio instalado, así que no se puede añadir ninguna cuenta.</translation>
    </message>
    <message>
        <source>{label} is required.</source>
        <translation>{label} es obligatorio.</translation>
    </message>
    <message>
        <source>This does not look right; for example:{hint}</source>
        <translation>Esto no parece correcto; por ejemplo:{hint}</translation>
    </message>
    <message>
        <source>{label} has the wrong form.</source>
        <translation>{label} no tiene el formato correcto.</translation>
    </message>
    <message>
        <source>Server: {server}</source>
        <translation>Servidor: {server}</translation>
    </message>
    <message>
        <source>Continue in your web browser: sign in there (with your second factor, if you have one), then come back here.</source>
        <translation>Continúa en tu navegador web: inicia sesión allí (con tu segundo factor, si lo tienes) y luego vuelve aquí.</translation>
    </message>
    <message>
        <source>The sign-in did not finish.</source>
        <translation>El inicio de sesión no terminó.</translation>
    </message>
    <message>
        <source>Asking the server for a new account…</source>
        <translation>Pidiendo una cuenta nueva al servidor…</translation>
    </message>
    <message>
        <source>The account could not be made.</source>
        <translation>No se pudo crear la cuenta.</translation>
    </message>
    <message>
        <source>Sending your answers…</source>
        <translation>Enviando tus respuestas…</translation>
    </message>
    <message>
        <source>Send the answers and create the account</source>
        <translation>Enviar las respuestas y crear la cuenta</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>Probando la conexión…</translation>
    </message>
    <message>
        <source>The connection could not be tested.</source>
        <translation>No se pudo probar la conexión.</translation>
    </message>
    <message>
        <source>Connected successfully.</source>
        <translation>Conexión correcta.</translation>
    </message>
    <message>
        <source>Its fingerprint (SHA-256) is:
{fp}
Trust it only if it matches the one your server&apos;s administrator gave you.</source>
        <translation>Su huella digital (SHA-256) es:
{fp}
Confía en él solo si coincide con la que te dio el administrador de tu servidor.</translation>
    </message>
    <message>
        <source>Certificate trusted for this account. Test or save again.</source>
        <translation>Certificado de confianza para esta cuenta. Vuelve a probar o a guardar.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>The account could not be saved.</source>
        <translation>No se pudo guardar la cuenta.</translation>
    </message>
    <message>
        <source>The server refused the sign-in: check the address and the password.</source>
        <translation>El servidor rechazó el inicio de sesión: comprueba la dirección y la contraseña.</translation>
    </message>
    <message>
        <source>The server cannot be reached: check the address, the port and your network. It may also be down for a moment.</source>
        <translation>No se puede contactar con el servidor: comprueba la dirección, el puerto y tu red. También puede que esté caído un momento.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted, so the connection could be intercepted.</source>
        <translation>El certificado del servidor no es de confianza, así que la conexión podría estar interceptada.</translation>
    </message>
    <message>
        <source>The settings are not usable.</source>
        <translation>Los ajustes no se pueden usar.</translation>
    </message>
    <message>
        <source>That did not work.</source>
        <translation>No ha funcionado.</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <source>Activity in every account</source>
        <translation>Actividad de todas las cuentas</translation>
    </message>
    <message>
        <source>Mentions, direct messages, invitations and requests</source>
        <translation>Menciones, mensajes directos, invitaciones y solicitudes</translation>
    </message>
    <message>
        <source>Newest first. Enter opens one where it happened; Delete marks it read.</source>
        <translation>Lo más reciente primero. Intro abre el elemento donde ocurrió; Supr lo marca como leído.</translation>
    </message>
    <message>
        <source>&amp;Activity</source>
        <translation>&amp;Actividad</translation>
    </message>
    <message>
        <source>Nothing new. Mentions, direct messages, invitations and contact requests from every account appear here.</source>
        <translation>Nada nuevo. Aquí aparecen las menciones, los mensajes directos, las invitaciones y las solicitudes de contacto de todas las cuentas.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>A&amp;brir</translation>
    </message>
    <message>
        <source>Open the selected activity</source>
        <translation>Abrir la actividad seleccionada</translation>
    </message>
    <message>
        <source>Mark &amp;read</source>
        <translation>Marcar como &amp;leído</translation>
    </message>
    <message>
        <source>Mark the selected activity read</source>
        <translation>Marcar como leída la actividad seleccionada</translation>
    </message>
    <message>
        <source>Mark a&amp;ll read</source>
        <translation>Marcar &amp;todo como leído</translation>
    </message>
    <message>
        <source>Mark all activity read</source>
        <translation>Marcar toda la actividad como leída</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message numerus="yes">
        <source>Activity (%n)</source>
        <translation>
            <numerusform>Actividad (%n)</numerusform>
            <numerusform>Actividad (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ActivityModel</name>
    <message>
        <source>Mention</source>
        <translation>Mención</translation>
    </message>
    <message>
        <source>Direct message</source>
        <translation>Mensaje directo</translation>
    </message>
    <message>
        <source>Invitation</source>
        <translation>Invitación</translation>
    </message>
    <message>
        <source>Contact request</source>
        <translation>Solicitud de contacto</translation>
    </message>
    <message>
        <source>{who} invites you to {room}</source>
        <translation>{who} te invita a {room}</translation>
    </message>
    <message>
        <source>{who} wants to add you as a contact</source>
        <translation>{who} quiere añadirte como contacto</translation>
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
        <translation>Exportar el historial de la cuenta</translation>
    </message>
    <message>
        <source>JSON Lines, can be imported again (*.jsonl);;Web page (*.html)</source>
        <translation>JSON Lines, se puede volver a importar (*.jsonl);;Página web (*.html)</translation>
    </message>
    <message>
        <source>History exported to {path}.</source>
        <translation>Historial exportado a {path}.</translation>
    </message>
    <message numerus="yes">
        <source>{name} ({service}), kept {when}, %n message(s)</source>
        <translation>
            <numerusform>{name} ({service}), conservado el {when}, %n mensaje</numerusform>
            <numerusform>{name} ({service}), conservado el {when}, %n mensajes</numerusform>
        </translation>
    </message>
    <message>
        <source>Another file (an export)…</source>
        <translation>Otro archivo (una exportación)…</translation>
    </message>
    <message>
        <source>Import history</source>
        <translation>Importar historial</translation>
    </message>
    <message>
        <source>History kept from a removed account, or a file:</source>
        <translation>Historial conservado de una cuenta eliminada, o un archivo:</translation>
    </message>
    <message>
        <source>Chinwag history (*.jsonl *.sqlite3)</source>
        <translation>Historial de Chinwag (*.jsonl *.sqlite3)</translation>
    </message>
    <message>
        <source>History imported as a new, disabled account. Edit it to sign in.</source>
        <translation>Historial importado como una cuenta nueva desactivada. Edítala para iniciar sesión.</translation>
    </message>
    <message>
        <source>Delete old history</source>
        <translation>Borrar el historial antiguo</translation>
    </message>
    <message>
        <source>Delete the messages of “{account}” older than this many days:</source>
        <translation>Borrar los mensajes de «{account}» con más de estos días de antigüedad:</translation>
    </message>
    <message numerus="yes">
        <source>%n old message(s) of {account} deleted.</source>
        <translation>
            <numerusform>Se borró %n mensaje antiguo de {account}.</numerusform>
            <numerusform>Se borraron %n mensajes antiguos de {account}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AudioPlayer</name>
    <message>
        <source>voice message</source>
        <translation>mensaje de voz</translation>
    </message>
    <message>
        <source>audio</source>
        <translation>audio</translation>
    </message>
    <message>
        <source>Pause {kind}</source>
        <translation>Pausar {kind}</translation>
    </message>
    <message>
        <source>Play {kind}</source>
        <translation>Reproducir {kind}</translation>
    </message>
    <message>
        <source>Position in {title}</source>
        <translation>Posición en {title}</translation>
    </message>
    <message>
        <source>Cannot play: {reason}</source>
        <translation>No se puede reproducir: {reason}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
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
        <translation>&amp;Ocultar Chinwag</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Show Chinwag</source>
        <translation>&amp;Mostrar Chinwag</translation>
    </message>
    <message>
        <source>Chinwag is still running</source>
        <translation>Chinwag sigue en marcha</translation>
    </message>
    <message>
        <source>Messages keep arriving while the window is closed. To quit, choose Quit in the menu of Chinwag&apos;s icon in the system tray.</source>
        <translation>Los mensajes siguen llegando mientras la ventana está cerrada. Para salir, elija Salir en el menú del icono de Chinwag en la bandeja del sistema.</translation>
    </message>
</context>
<context>
    <name>BlockedDialog</name>
    <message>
        <source>Blocked on {account}</source>
        <translation>Bloqueados en {account}</translation>
    </message>
    <message>
        <source>Blocked people</source>
        <translation>Personas bloqueadas</translation>
    </message>
    <message>
        <source>&amp;Blocked:</source>
        <translation>&amp;Bloqueados:</translation>
    </message>
    <message>
        <source>Address or mask to block</source>
        <translation>Dirección o máscara que bloquear</translation>
    </message>
    <message>
        <source>An address, or on IRC a mask such as *!*@spam.example</source>
        <translation>Una dirección o, en IRC, una máscara como *!*@spam.example</translation>
    </message>
    <message>
        <source>&amp;Address or mask:</source>
        <translation>&amp;Dirección o máscara:</translation>
    </message>
    <message>
        <source>Bl&amp;ock</source>
        <translation>Bl&amp;oquear</translation>
    </message>
    <message>
        <source>Block this address or mask</source>
        <translation>Bloquear esta dirección o máscara</translation>
    </message>
    <message>
        <source>&amp;Unblock</source>
        <translation>Desbloq&amp;uear</translation>
    </message>
    <message>
        <source>Unblock the selected person</source>
        <translation>Desbloquear a la persona seleccionada</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Nobody is blocked.</source>
        <translation>No hay nadie bloqueado.</translation>
    </message>
    <message>
        <source>Type an address or a mask to block.</source>
        <translation>Escribe una dirección o una máscara que bloquear.</translation>
    </message>
    <message>
        <source>Choose someone in the list first.</source>
        <translation>Primero elige a alguien de la lista.</translation>
    </message>
</context>
<context>
    <name>CommandRunner</name>
    <message>
        <source>That did not work.</source>
        <translation>No ha funcionado.</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Write a message…</source>
        <translation>Escribe un mensaje…</translation>
    </message>
</context>
<context>
    <name>ComposerArea</name>
    <message>
        <source>Reply or edit</source>
        <translation>Respuesta o edición</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel reply or edit</source>
        <translation>Cancelar la respuesta o la edición</translation>
    </message>
    <message>
        <source>Who is typing</source>
        <translation>Quién está escribiendo</translation>
    </message>
    <message>
        <source>Upload progress</source>
        <translation>Progreso de la subida</translation>
    </message>
    <message>
        <source>A&amp;ttach…</source>
        <translation>A&amp;djuntar…</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Adjuntar un archivo</translation>
    </message>
    <message>
        <source>Emo&amp;ji…</source>
        <translation>Emo&amp;ji…</translation>
    </message>
    <message>
        <source>Insert emoji</source>
        <translation>Insertar emoji</translation>
    </message>
    <message>
        <source>Insert emoji (Ctrl+;)</source>
        <translation>Insertar emoji (Ctrl+;)</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Enviar</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Enviar el mensaje</translation>
    </message>
    <message>
        <source>Replying to {quote}</source>
        <translation>Respondiendo a {quote}</translation>
    </message>
    <message>
        <source>Editing your message (Escape cancels)</source>
        <translation>Editando tu mensaje (Esc cancela)</translation>
    </message>
    <message>
        <source>{name} is typing…</source>
        <translation>{name} está escribiendo…</translation>
    </message>
    <message>
        <source>{names} are typing…</source>
        <translation>{names} están escribiendo…</translation>
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation>Varias personas están escribiendo…</translation>
    </message>
</context>
<context>
    <name>ComposerSpelling</name>
    <message numerus="yes">
        <source>&amp;Spelling: %n suggestion(s) for “{word}”</source>
        <translation>
            <numerusform>&amp;Ortografía: %n sugerencia para «{word}»</numerusform>
            <numerusform>&amp;Ortografía: %n sugerencias para «{word}»</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Spelling: no suggestions for “{word}”</source>
        <translation>&amp;Ortografía: no hay sugerencias para «{word}»</translation>
    </message>
    <message>
        <source>Replace “{word}” with “{suggestion}”</source>
        <translation>Reemplazar «{word}» por «{suggestion}»</translation>
    </message>
    <message>
        <source>&amp;Add “{word}” to the dictionary</source>
        <translation>&amp;Añadir «{word}» al diccionario</translation>
    </message>
    <message>
        <source>&amp;Ignore “{word}”</source>
        <translation>&amp;Ignorar «{word}»</translation>
    </message>
    <message>
        <source>S&amp;pelling language</source>
        <translation>Idio&amp;ma del corrector</translation>
    </message>
    <message>
        <source>Spell check is unavailable: Enchant is not installed.</source>
        <translation>La revisión ortográfica no está disponible: Enchant no está instalado.</translation>
    </message>
    <message>
        <source>Spell check is unavailable: no dictionaries are installed.</source>
        <translation>La revisión ortográfica no está disponible: no hay diccionarios instalados.</translation>
    </message>
    <message>
        <source>Spell check is turned off in Settings.</source>
        <translation>La revisión ortográfica está desactivada en Ajustes.</translation>
    </message>
    <message>
        <source>&amp;Off</source>
        <translation>&amp;Desactivada</translation>
    </message>
    <message>
        <source>&amp;Default ({language})</source>
        <translation>&amp;Predeterminado ({language})</translation>
    </message>
    <message>
        <source>&amp;Default</source>
        <translation>&amp;Predeterminado</translation>
    </message>
</context>
<context>
    <name>ContactDetailsDialog</name>
    <message>
        <source>Address: {address}</source>
        <translation>Dirección: {address}</translation>
    </message>
    <message>
        <source>Name: {name}</source>
        <translation>Nombre: {name}</translation>
    </message>
    <message>
        <source>Presence: {presence}</source>
        <translation>Presencia: {presence}</translation>
    </message>
    <message>
        <source>Presence: offline</source>
        <translation>Presencia: desconectado</translation>
    </message>
    <message>
        <source>Away: {message}</source>
        <translation>Ausente: {message}</translation>
    </message>
    <message>
        <source>Signed in to the account {account}</source>
        <translation>Con sesión iniciada en la cuenta {account}</translation>
    </message>
    <message>
        <source>Server: {server}</source>
        <translation>Servidor: {server}</translation>
    </message>
    <message>
        <source>In: {channels}</source>
        <translation>En: {channels}</translation>
    </message>
    <message>
        <source>Connected since {when}</source>
        <translation>Conectado desde {when}</translation>
    </message>
    <message>
        <source>Connected securely (TLS)</source>
        <translation>Conexión segura (TLS)</translation>
    </message>
    <message>
        <source>A network operator</source>
        <translation>Un operador de la red</translation>
    </message>
    <message>
        <source>Devices:</source>
        <translation>Dispositivos:</translation>
    </message>
    <message>
        <source>About {who}</source>
        <translation>Acerca de {who}</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Asking the service…</source>
        <translation>Consultando al servicio…</translation>
    </message>
    <message>
        <source>&amp;Details:</source>
        <translation>&amp;Detalles:</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>Copy the details</source>
        <translation>Copiar los detalles</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>The service did not tell: {reason}</source>
        <translation>El servicio no respondió: {reason}</translation>
    </message>
</context>
<context>
    <name>ContactList</name>
    <message>
        <source>Filter contacts</source>
        <translation>Filtrar contactos</translation>
    </message>
    <message>
        <source>Shows only the people whose name, address or presence contains the text. Escape clears it; Down or Enter goes to the list.</source>
        <translation>Muestra solo las personas cuyo nombre, dirección o presencia contiene el texto. Esc lo borra; Abajo o Intro va a la lista.</translation>
    </message>
    <message>
        <source>Filter contacts…</source>
        <translation>Filtrar contactos…</translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>Borrar el filtro</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <source>Each account&apos;s people by group, with their presence. Enter starts a chat; the menu key opens more actions.</source>
        <translation>Las personas de cada cuenta por grupo, con su presencia. Intro inicia un chat; la tecla de menú abre más acciones.</translation>
    </message>
    <message>
        <source>Ne&amp;w contact…</source>
        <translation>&amp;Nuevo contacto…</translation>
    </message>
    <message>
        <source>Add a contact</source>
        <translation>Añadir un contacto</translation>
    </message>
    <message>
        <source>&amp;Your contacts</source>
        <translation>Tu&amp;s contactos</translation>
    </message>
</context>
<context>
    <name>ContactListModel</name>
    <message>
        <source>blocked</source>
        <translation>bloqueado</translation>
    </message>
    <message>
        <source>asked to see their status, waiting for them</source>
        <translation>se pidió ver su estado, esperando su respuesta</translation>
    </message>
    <message>
        <source>you do not see their status</source>
        <translation>no ves su estado</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Bloqueados</translation>
    </message>
    <message numerus="yes">
        <source>{group}, %n contact(s)</source>
        <translation>
            <numerusform>{group}, %n contacto</numerusform>
            <numerusform>{group}, %n contactos</numerusform>
        </translation>
    </message>
    <message>
        <source>{online} online</source>
        <translation>{online} en línea</translation>
    </message>
    <message numerus="yes">
        <source>{account}, %n contact(s)</source>
        <translation>
            <numerusform>{account}, %n contacto</numerusform>
            <numerusform>{account}, %n contactos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConversationActions</name>
    <message>
        <source>Invite</source>
        <translation>Invitar</translation>
    </message>
    <message>
        <source>Address of the person to invite:</source>
        <translation>Dirección de la persona a la que invitar:</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>New topic:</source>
        <translation>Nuevo tema:</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Abandonar</translation>
    </message>
    <message>
        <source>Leave this conversation?</source>
        <translation>¿Abandonar esta conversación?</translation>
    </message>
    <message>
        <source>Remove from room</source>
        <translation>Expulsar de la sala</translation>
    </message>
    <message>
        <source>Remove {name}? Reason (optional):</source>
        <translation>¿Expulsar a {name}? Motivo (opcional):</translation>
    </message>
    <message>
        <source>Ban from room</source>
        <translation>Vetar de la sala</translation>
    </message>
    <message>
        <source>Ban {name} (they cannot come back)? Reason (optional):</source>
        <translation>¿Vetar a {name} (no podrá volver)? Motivo (opcional):</translation>
    </message>
    <message>
        <source>That did not work.</source>
        <translation>No ha funcionado.</translation>
    </message>
    <message>
        <source>Export conversation</source>
        <translation>Exportar la conversación</translation>
    </message>
    <message>
        <source>Web page (*.html);;JSON Lines (*.jsonl)</source>
        <translation>Página web (*.html);;JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Conversation exported to {path}.</source>
        <translation>Conversación exportada a {path}.</translation>
    </message>
    <message>
        <source>Could not verify.</source>
        <translation>No se pudo verificar.</translation>
    </message>
</context>
<context>
    <name>ConversationFinder</name>
    <message>
        <source>Start a conversation</source>
        <translation>Iniciar una conversación</translation>
    </message>
    <message>
        <source>Address or nick</source>
        <translation>Dirección o apodo</translation>
    </message>
    <message>
        <source>Join a room</source>
        <translation>Unirse a una sala</translation>
    </message>
    <message>
        <source>Room address or channel</source>
        <translation>Dirección de la sala o canal</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>Apodo</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Add a contact</source>
        <translation>Añadir un contacto</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Contact request sent.</source>
        <translation>Solicitud de contacto enviada.</translation>
    </message>
</context>
<context>
    <name>ConversationHeader</name>
    <message>
        <source>No conversation open</source>
        <translation>Ninguna conversación abierta</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversación</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Conversation details</source>
        <translation>Detalles de la conversación</translation>
    </message>
    <message>
        <source>Service and server</source>
        <translation>Servicio y servidor</translation>
    </message>
    <message>
        <source>&amp;Members</source>
        <translation>&amp;Miembros</translation>
    </message>
    <message>
        <source>Show members</source>
        <translation>Mostrar los miembros</translation>
    </message>
    <message>
        <source>&amp;Invite…</source>
        <translation>&amp;Invitar…</translation>
    </message>
    <message>
        <source>Invite someone</source>
        <translation>Invitar a alguien</translation>
    </message>
    <message>
        <source>To&amp;pic…</source>
        <translation>&amp;Tema…</translation>
    </message>
    <message>
        <source>Change the topic</source>
        <translation>Cambiar el tema</translation>
    </message>
    <message>
        <source>&amp;Leave</source>
        <translation>&amp;Abandonar</translation>
    </message>
    <message>
        <source>Leave this conversation</source>
        <translation>Abandonar esta conversación</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Más</translation>
    </message>
    <message>
        <source>More conversation actions</source>
        <translation>Más acciones de la conversación</translation>
    </message>
    <message>
        <source>&amp;Search in this conversation…</source>
        <translation>&amp;Buscar en esta conversación…</translation>
    </message>
    <message>
        <source>&amp;Export history…</source>
        <translation>&amp;Exportar el historial…</translation>
    </message>
    <message>
        <source>&amp;Verify contact…</source>
        <translation>&amp;Verificar el contacto…</translation>
    </message>
    <message>
        <source>Room se&amp;ttings…</source>
        <translation>A&amp;justes de la sala…</translation>
    </message>
    <message>
        <source>Start a &amp;poll…</source>
        <translation>Ini&amp;ciar una encuesta…</translation>
    </message>
    <message>
        <source>&amp;Notify me</source>
        <translation>&amp;Notificarme</translation>
    </message>
    <message>
        <source>For every message</source>
        <translation>Con cada mensaje</translation>
    </message>
    <message>
        <source>Only when mentioned</source>
        <translation>Solo cuando me mencionen</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source>&amp;Read aloud</source>
        <translation>&amp;Leer en voz alta</translation>
    </message>
    <message>
        <source>Every message</source>
        <translation>Todos los mensajes</translation>
    </message>
    <message>
        <source>Mentions and direct messages</source>
        <translation>Menciones y mensajes directos</translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation>Nada</translation>
    </message>
    <message>
        <source>Picture of {name}</source>
        <translation>Imagen de {name}</translation>
    </message>
    <message>
        <source>On {service}, account {account}</source>
        <translation>En {service}, cuenta {account}</translation>
    </message>
    <message>
        <source>every message</source>
        <translation>todos los mensajes</translation>
    </message>
    <message>
        <source>mentions and direct messages</source>
        <translation>menciones y mensajes directos</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nada</translation>
    </message>
    <message>
        <source>Like the account ({level})</source>
        <translation>Como la cuenta ({level})</translation>
    </message>
    <message>
        <source>Not encrypted</source>
        <translation>Sin cifrar</translation>
    </message>
    <message>
        <source>Encrypted, all devices verified</source>
        <translation>Cifrada, todos los dispositivos verificados</translation>
    </message>
    <message>
        <source>Encrypted, some devices not verified</source>
        <translation>Cifrada, algunos dispositivos sin verificar</translation>
    </message>
    <message>
        <source>Encrypted</source>
        <translation>Cifrada</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n miembro</numerusform>
            <numerusform>%n miembros</numerusform>
        </translation>
    </message>
    <message>
        <source>offline: messages wait in the outbox</source>
        <translation>desconectado: los mensajes esperan en la bandeja de salida</translation>
    </message>
</context>
<context>
    <name>ConversationPane</name>
    <message>
        <source>Loading older messages…</source>
        <translation>Cargando mensajes anteriores…</translation>
    </message>
    <message>
        <source>Loading older messages</source>
        <translation>Cargando mensajes anteriores</translation>
    </message>
    <message>
        <source>Jump to lat&amp;est</source>
        <translation>Ir a lo más &amp;reciente</translation>
    </message>
    <message>
        <source>Jump to the latest messages</source>
        <translation>Ir a los mensajes más recientes</translation>
    </message>
    <message>
        <source>Voice messages cannot be sent on this service</source>
        <translation>Este servicio no permite enviar mensajes de voz</translation>
    </message>
    <message>
        <source>Uploading {name}{percent}</source>
        <translation>Subiendo {name}{percent}</translation>
    </message>
    <message>
        <source>That did not work.</source>
        <translation>No ha funcionado.</translation>
    </message>
    <message>
        <source>Usage: {usage}</source>
        <translation>Uso: {usage}</translation>
    </message>
    <message>
        <source>Unknown command /{name}. Type /help for the list.</source>
        <translation>Orden desconocida /{name}. Escribe /help para ver la lista.</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Adjuntar archivos</translation>
    </message>
    <message>
        <source>This conversation cannot receive files.</source>
        <translation>Esta conversación no puede recibir archivos.</translation>
    </message>
</context>
<context>
    <name>ConversationVoice</name>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>Message to {conversation}</source>
        <translation>Mensaje para {conversation}</translation>
    </message>
    <message>
        <source>Messages in {conversation}</source>
        <translation>Mensajes en {conversation}</translation>
    </message>
    <message>
        <source>Sent at {time}</source>
        <translation>Enviado a las {time}</translation>
    </message>
    <message>
        <source>Sent yesterday at {time}</source>
        <translation>Enviado ayer a las {time}</translation>
    </message>
    <message>
        <source>Sent on {day} at {time}</source>
        <translation>Enviado el {day} a las {time}</translation>
    </message>
</context>
<context>
    <name>CoreMessages</name>
    <message>
        <source>This service cannot create rooms.</source>
        <translation>Este servicio no permite crear salas.</translation>
    </message>
    <message>
        <source>This service cannot rename contacts.</source>
        <translation>Este servicio no permite cambiar el nombre de los contactos.</translation>
    </message>
    <message>
        <source>This service has no subscriptions.</source>
        <translation>Este servicio no tiene suscripciones.</translation>
    </message>
    <message>
        <source>This service cannot download files.</source>
        <translation>Este servicio no permite descargar archivos.</translation>
    </message>
    <message>
        <source>/me ACTION — describe what you do</source>
        <translation>/me ACCIÓN — describir lo que haces</translation>
    </message>
    <message>
        <source>/join ROOM [PASSWORD] — join a room or channel</source>
        <translation>/join SALA [CONTRASEÑA] — unirse a una sala o canal</translation>
    </message>
    <message>
        <source>/part [REASON] — leave this room</source>
        <translation>/part [MOTIVO] — abandonar esta sala</translation>
    </message>
    <message>
        <source>/leave [REASON] — leave this room</source>
        <translation>/leave [MOTIVO] — abandonar esta sala</translation>
    </message>
    <message>
        <source>/topic TEXT — change the topic</source>
        <translation>/topic TEXTO — cambiar el tema</translation>
    </message>
    <message>
        <source>/invite WHO [REASON] — invite someone here</source>
        <translation>/invite QUIÉN [MOTIVO] — invitar a alguien aquí</translation>
    </message>
    <message>
        <source>/kick WHO [REASON] — remove someone from this room</source>
        <translation>/kick QUIÉN [MOTIVO] — expulsar a alguien de esta sala</translation>
    </message>
    <message>
        <source>/ban WHO [REASON] — keep someone out of this room</source>
        <translation>/ban QUIÉN [MOTIVO] — vetar a alguien en esta sala</translation>
    </message>
    <message>
        <source>/unban WHO — let someone back into this room</source>
        <translation>/unban QUIÉN — dejar que alguien vuelva a esta sala</translation>
    </message>
    <message>
        <source>/ignore WHO — block someone: you no longer see what they write</source>
        <translation>/ignore QUIÉN — bloquear a alguien: dejas de ver lo que escribe</translation>
    </message>
    <message>
        <source>/unignore WHO — unblock someone</source>
        <translation>/unignore QUIÉN — desbloquear a alguien</translation>
    </message>
    <message>
        <source>/msg WHO TEXT — send a private message</source>
        <translation>/msg QUIÉN TEXTO — enviar un mensaje privado</translation>
    </message>
    <message>
        <source>/list [WORDS] — browse the public rooms or channels</source>
        <translation>/list [PALABRAS] — explorar las salas o canales públicos</translation>
    </message>
    <message>
        <source>/poll QUESTION | ANSWER | ANSWER … — start a poll</source>
        <translation>/poll PREGUNTA | RESPUESTA | RESPUESTA … — iniciar una encuesta</translation>
    </message>
    <message>
        <source>/query WHO — open a private conversation</source>
        <translation>/query QUIÉN — abrir una conversación privada</translation>
    </message>
    <message>
        <source>/help — list the commands</source>
        <translation>/help — mostrar la lista de órdenes</translation>
    </message>
    <message>
        <source>This account&apos;s service plugin is not available.</source>
        <translation>El complemento del servicio de esta cuenta no está disponible.</translation>
    </message>
    <message>
        <source>plugin missing</source>
        <translation>falta el complemento</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>El servidor no respondió a tiempo.</translation>
    </message>
    <message>
        <source>Internal error: %1</source>
        <translation>Error interno: %1</translation>
    </message>
    <message>
        <source>The number of days cannot be negative.</source>
        <translation>El número de días no puede ser negativo.</translation>
    </message>
    <message>
        <source>the deletion of old messages</source>
        <translation>la eliminación de los mensajes antiguos</translation>
    </message>
    <message>
        <source>No such conversation.</source>
        <translation>No existe esa conversación.</translation>
    </message>
    <message>
        <source>the imported history</source>
        <translation>el historial importado</translation>
    </message>
    <message numerus="yes">
        <source>%n damaged line(s) skipped.</source>
        <translation>
            <numerusform>Se omitió %n línea dañada.</numerusform>
            <numerusform>Se omitieron %n líneas dañadas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Whom do you want to add?</source>
        <translation>¿A quién quieres añadir?</translation>
    </message>
    <message>
        <source>Whom do you want to block?</source>
        <translation>¿A quién quieres bloquear?</translation>
    </message>
    <message>
        <source>Whom do you want to talk to?</source>
        <translation>¿Con quién quieres hablar?</translation>
    </message>
    <message>
        <source>the conversation with %1</source>
        <translation>la conversación con %1</translation>
    </message>
    <message>
        <source>the notification level</source>
        <translation>el nivel de notificación</translation>
    </message>
    <message>
        <source>the spell-check language</source>
        <translation>el idioma del corrector ortográfico</translation>
    </message>
    <message>
        <source>That message is no longer stored.</source>
        <translation>Ese mensaje ya no está guardado.</translation>
    </message>
    <message>
        <source>No server history for this chat.</source>
        <translation>No hay historial en el servidor para este chat.</translation>
    </message>
    <message>
        <source>Cannot send an empty message.</source>
        <translation>No se puede enviar un mensaje vacío.</translation>
    </message>
    <message>
        <source>Could not tell whether your message was saved (%1). If it was, it is sent once the store can be read again: look before sending it again.</source>
        <translation>No se pudo saber si tu mensaje se guardó (%1). Si se guardó, se enviará en cuanto el almacén pueda volver a leerse: compruébalo antes de enviarlo de nuevo.</translation>
    </message>
    <message>
        <source>Your message could not be saved (%1), so it was not sent.</source>
        <translation>No se pudo guardar tu mensaje (%1), así que no se envió.</translation>
    </message>
    <message>
        <source>Could not put the message back in the outbox (%1).</source>
        <translation>No se pudo volver a poner el mensaje en la bandeja de salida (%1).</translation>
    </message>
    <message>
        <source>This service does not take voice messages.</source>
        <translation>Este servicio no admite mensajes de voz.</translation>
    </message>
    <message>
        <source>No such file.</source>
        <translation>No existe ese archivo.</translation>
    </message>
    <message>
        <source>No such attachment.</source>
        <translation>No existe ese adjunto.</translation>
    </message>
    <message>
        <source>Unknown command /%1.</source>
        <translation>Orden desconocida /%1.</translation>
    </message>
    <message>
        <source>No such message.</source>
        <translation>No existe ese mensaje.</translation>
    </message>
    <message>
        <source>The service has not confirmed this message yet.</source>
        <translation>El servicio todavía no ha confirmado este mensaje.</translation>
    </message>
    <message>
        <source>Only your own messages can be changed.</source>
        <translation>Solo se pueden cambiar tus propios mensajes.</translation>
    </message>
    <message>
        <source>Give the room a name or an address.</source>
        <translation>Da a la sala un nombre o una dirección.</translation>
    </message>
    <message>
        <source>Whom do you want to ban?</source>
        <translation>¿A quién quieres vetar?</translation>
    </message>
    <message>
        <source>No such account.</source>
        <translation>No existe esa cuenta.</translation>
    </message>
    <message>
        <source>No usable plugin for %1 is installed.</source>
        <translation>No hay instalado ningún complemento utilizable para %1.</translation>
    </message>
    <message>
        <source>The account is not connected.</source>
        <translation>La cuenta no está conectada.</translation>
    </message>
    <message>
        <source>The service cannot do that.</source>
        <translation>El servicio no puede hacer eso.</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1 es obligatorio.</translation>
    </message>
    <message>
        <source>Unknown setting %1.</source>
        <translation>Ajuste desconocido %1.</translation>
    </message>
    <message>
        <source>This service has no sign-in in the browser.</source>
        <translation>Este servicio no tiene inicio de sesión en el navegador.</translation>
    </message>
    <message>
        <source>The sign-in in the browser took too long.</source>
        <translation>El inicio de sesión en el navegador tardó demasiado.</translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>Se canceló el inicio de sesión.</translation>
    </message>
    <message>
        <source>Accounts for this service cannot be made here.</source>
        <translation>Las cuentas de este servicio no se pueden crear aquí.</translation>
    </message>
    <message>
        <source>This sign-up has already ended.</source>
        <translation>Este registro ya ha terminado.</translation>
    </message>
    <message>
        <source>Signed in again.</source>
        <translation>Sesión iniciada de nuevo.</translation>
    </message>
    <message>
        <source>This chat has no threads.</source>
        <translation>Este chat no tiene hilos.</translation>
    </message>
    <message>
        <source>The connection was lost before the server confirmed this message, so it may not have been delivered.</source>
        <translation>La conexión se perdió antes de que el servidor confirmara este mensaje, así que puede que no se haya entregado.</translation>
    </message>
    <message>
        <source>This message could not be recorded before sending; it is sent on the next connection.</source>
        <translation>No se pudo registrar este mensaje antes de enviarlo; se enviará en la próxima conexión.</translation>
    </message>
    <message numerus="yes">
        <source>Gave up after %n attempt(s).</source>
        <translation>
            <numerusform>Se abandonó tras %n intento.</numerusform>
            <numerusform>Se abandonó tras %n intentos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your messages wait in the outbox: the message store cannot save now (%1). They are sent once it can, none of them twice.</source>
        <translation>Tus mensajes esperan en la bandeja de salida: el almacén de mensajes no puede guardar ahora (%1). Se enviarán en cuanto pueda, ninguno dos veces.</translation>
    </message>
    <message>
        <source>Chinwag keeps passwords only in your system keyring and never in a plain file. Start and unlock a Secret Service provider: GNOME Keyring (Debian/Ubuntu: &apos;apt install gnome-keyring&apos;) or KDE Wallet on Linux; the built-in Keychain on macOS and Credential Manager on Windows are used automatically. Without a desktop session, run Chinwag inside &apos;dbus-run-session&apos; after unlocking one with &apos;echo -n PASSWORD | gnome-keyring-daemon --unlock --components=secrets&apos;.</source>
        <translation>Chinwag guarda las contraseñas solo en el depósito de claves del sistema y nunca en un archivo normal. Inicia y desbloquea un proveedor de Secret Service: GNOME Keyring (Debian/Ubuntu: &apos;apt install gnome-keyring&apos;) o KDE Wallet en Linux; el Llavero integrado en macOS y el Administrador de credenciales en Windows se usan automáticamente. Sin una sesión de escritorio, ejecuta Chinwag dentro de &apos;dbus-run-session&apos; después de desbloquear uno con &apos;echo -n CONTRASEÑA | gnome-keyring-daemon --unlock --components=secrets&apos;.</translation>
    </message>
    <message>
        <source>The only keyring available (%1 from %2) would store passwords unprotected.</source>
        <translation>El único depósito de claves disponible (%1 de %2) guardaría las contraseñas sin protección.</translation>
    </message>
    <message>
        <source>No keyring service is installed or running.</source>
        <translation>No hay ningún servicio de depósito de claves instalado o en marcha.</translation>
    </message>
    <message>
        <source>%1 does not say which account it belonged to (it was kept by an older version), so it cannot be imported.</source>
        <translation>%1 no indica a qué cuenta pertenecía (lo guardó una versión anterior), así que no se puede importar.</translation>
    </message>
    <message>
        <source>You are already in %1.</source>
        <translation>Ya estás en %1.</translation>
    </message>
    <message>
        <source>%1 already exists and someone else runs it; you joined it.</source>
        <translation>%1 ya existe y lo gestiona otra persona; te has unido.</translation>
    </message>
    <message>
        <source>%1 already exists and someone else runs it.</source>
        <translation>%1 ya existe y lo gestiona otra persona.</translation>
    </message>
    <message>
        <source>You are not in %1.</source>
        <translation>No estás en %1.</translation>
    </message>
    <message>
        <source>A channel password has no spaces, commas or colons.</source>
        <translation>La contraseña de un canal no lleva espacios, comas ni dos puntos.</translation>
    </message>
    <message>
        <source>This server has no %1 role.</source>
        <translation>Este servidor no tiene el rol %1.</translation>
    </message>
    <message>
        <source>%1 is not in %2.</source>
        <translation>%1 no está en %2.</translation>
    </message>
    <message>
        <source>%1 is not a nick or a mask.</source>
        <translation>%1 no es un apodo ni una máscara.</translation>
    </message>
    <message>
        <source>%1 matches everyone: ban a nick or a host.</source>
        <translation>%1 coincide con todos: veta un apodo o un host.</translation>
    </message>
    <message>
        <source>A server and a nickname are needed.</source>
        <translation>Se necesitan un servidor y un apodo.</translation>
    </message>
    <message>
        <source>%1 is not a valid nickname.</source>
        <translation>%1 no es un apodo válido.</translation>
    </message>
    <message>
        <source>The port must be a number.</source>
        <translation>El puerto debe ser un número.</translation>
    </message>
    <message>
        <source>This sign-in method needs a password.</source>
        <translation>Este método de inicio de sesión necesita una contraseña.</translation>
    </message>
    <message>
        <source>The server did not finish signing us in.</source>
        <translation>El servidor no terminó de iniciar la sesión.</translation>
    </message>
    <message>
        <source>The connection was lost.</source>
        <translation>Se perdió la conexión.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Sin conexión.</translation>
    </message>
    <message>
        <source>/%1 is not one of IRC&apos;s own commands (Chinwag carries out its generic ones itself). Use /quote to send a raw IRC line.</source>
        <translation>/%1 no es una de las órdenes propias de IRC (Chinwag ejecuta las genéricas por sí mismo). Usa /quote para enviar una línea IRC sin procesar.</translation>
    </message>
    <message>
        <source>That is not a valid IRC line.</source>
        <translation>Esa no es una línea IRC válida.</translation>
    </message>
    <message>
        <source>/%1 works in a channel: type it there.</source>
        <translation>/%1 funciona en un canal: escríbelo allí.</translation>
    </message>
    <message>
        <source>Unknown command /%1. Use /quote to send a raw IRC line.</source>
        <translation>Orden desconocida /%1. Usa /quote para enviar una línea IRC sin procesar.</translation>
    </message>
    <message>
        <source>That is not a nickname.</source>
        <translation>Eso no es un apodo.</translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation>Uso: %1</translation>
    </message>
    <message>
        <source>%1 was kicked by %2 (%3)</source>
        <translation>%1 fue expulsado por %2 (%3)</translation>
    </message>
    <message>
        <source>%1 was kicked by %2</source>
        <translation>%1 fue expulsado por %2</translation>
    </message>
    <message>
        <source>%1 changed the topic to: %2</source>
        <translation>%1 cambió el tema a: %2</translation>
    </message>
    <message>
        <source>That is not a channel name.</source>
        <translation>Eso no es un nombre de canal.</translation>
    </message>
    <message>
        <source>A file from %1 was refused: %2.</source>
        <translation>Se rechazó un archivo de %1: %2.</translation>
    </message>
    <message>
        <source>That file offer is no longer open.</source>
        <translation>Esa oferta de archivo ya no está abierta.</translation>
    </message>
    <message>
        <source>This file offer is no longer open (offers last one connection).</source>
        <translation>Esta oferta de archivo ya no está abierta (las ofertas duran una conexión).</translation>
    </message>
    <message>
        <source>Could not reach %1: %2</source>
        <translation>No se pudo contactar con %1: %2</translation>
    </message>
    <message>
        <source>%1 did not connect.</source>
        <translation>%1 no se conectó.</translation>
    </message>
    <message>
        <source>The transfer was cut at %1 of %2 bytes; ask for the file again to resume.</source>
        <translation>La transferencia se cortó en %1 de %2 bytes; vuelve a pedir el archivo para reanudarla.</translation>
    </message>
    <message>
        <source>No free port for DCC in the configured range.</source>
        <translation>No hay ningún puerto libre para DCC en el intervalo configurado.</translation>
    </message>
    <message>
        <source>DCC sends a file to one person.</source>
        <translation>DCC envía un archivo a una sola persona.</translation>
    </message>
    <message>
        <source>Not sent: the connection closed before the file was taken.</source>
        <translation>No enviado: la conexión se cerró antes de que se recogiera el archivo.</translation>
    </message>
    <message>
        <source>%1 declined the file.</source>
        <translation>%1 rechazó el archivo.</translation>
    </message>
    <message>
        <source>Not sent: %1.</source>
        <translation>No enviado: %1.</translation>
    </message>
    <message>
        <source>Nobody took the file in time.</source>
        <translation>Nadie recogió el archivo a tiempo.</translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation>No se pudo conectar: %1</translation>
    </message>
    <message>
        <source>%1 got shorter while it was sent.</source>
        <translation>%1 se acortó mientras se enviaba.</translation>
    </message>
    <message>
        <source>The file was sent but its arrival was not confirmed.</source>
        <translation>El archivo se envió, pero no se confirmó su llegada.</translation>
    </message>
    <message>
        <source>The transfer was cut at %1 of %2 bytes (%3).</source>
        <translation>La transferencia se cortó en %1 de %2 bytes (%3).</translation>
    </message>
    <message>
        <source>This server keeps no history for us.</source>
        <translation>Este servidor no guarda historial para nosotros.</translation>
    </message>
    <message>
        <source>%1 matches everyone: block a nick (bob) or a host (*!*@host) instead.</source>
        <translation>%1 coincide con todos: bloquea mejor un apodo (bob) o un host (*!*@host).</translation>
    </message>
    <message>
        <source>CTCP %1 reply from %2: %3</source>
        <translation>Respuesta CTCP %1 de %2: %3</translation>
    </message>
    <message>
        <source>IRC cannot send an empty message.</source>
        <translation>IRC no puede enviar un mensaje vacío.</translation>
    </message>
    <message numerus="yes">
        <source>Partly sent: %1 of %n line(s) went out before the connection was lost.</source>
        <translation>
            <numerusform>Enviado en parte: salió %1 de %n línea antes de perderse la conexión.</numerusform>
            <numerusform>Enviado en parte: salieron %1 de %n líneas antes de perderse la conexión.</numerusform>
        </translation>
    </message>
    <message>
        <source>That nick is not in your contacts.</source>
        <translation>Ese apodo no está en tus contactos.</translation>
    </message>
    <message>
        <source>The server&apos;s watch list is full.</source>
        <translation>La lista de vigilancia del servidor está llena.</translation>
    </message>
    <message>
        <source>The server did not answer.</source>
        <translation>El servidor no respondió.</translation>
    </message>
    <message>
        <source>This nickname is already registered.</source>
        <translation>Este apodo ya está registrado.</translation>
    </message>
    <message>
        <source>This network does not register accounts here: %1</source>
        <translation>Esta red no registra cuentas aquí: %1</translation>
    </message>
    <message>
        <source>NickServ said: %1</source>
        <translation>NickServ respondió: %1</translation>
    </message>
    <message>
        <source>The network&apos;s NickServ keeps your nickname for you. It asks for an e-mail address (to reset a lost password, and on some networks to confirm the account).</source>
        <translation>El NickServ de la red te reserva el apodo. Pide una dirección de correo electrónico (para restablecer una contraseña perdida y, en algunas redes, para confirmar la cuenta).</translation>
    </message>
    <message>
        <source>Choose a password for the account.</source>
        <translation>Elige una contraseña para la cuenta.</translation>
    </message>
    <message>
        <source>NickServ passwords cannot contain spaces.</source>
        <translation>Las contraseñas de NickServ no pueden contener espacios.</translation>
    </message>
    <message>
        <source>Enter an e-mail address.</source>
        <translation>Introduce una dirección de correo electrónico.</translation>
    </message>
    <message>
        <source>NickServ did not answer in time.</source>
        <translation>NickServ no respondió a tiempo.</translation>
    </message>
    <message>
        <source>The server closed the connection.</source>
        <translation>El servidor cerró la conexión.</translation>
    </message>
    <message>
        <source>Someone is using this nickname right now, or the network refuses it.</source>
        <translation>Alguien está usando este apodo ahora mismo, o la red lo rechaza.</translation>
    </message>
    <message>
        <source>This network has no NickServ to register with.</source>
        <translation>Esta red no tiene NickServ con el que registrarse.</translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation>Se cerró la conexión.</translation>
    </message>
    <message>
        <source>The server stopped answering.</source>
        <translation>El servidor dejó de responder.</translation>
    </message>
    <message>
        <source>Connection lost: %1</source>
        <translation>Conexión perdida: %1</translation>
    </message>
    <message>
        <source>Connection lost (internal error).</source>
        <translation>Conexión perdida (error interno).</translation>
    </message>
    <message>
        <source>Unexpected reply.</source>
        <translation>Respuesta inesperada.</translation>
    </message>
    <message>
        <source>Disconnected by the server: %1</source>
        <translation>Desconectado por el servidor: %1</translation>
    </message>
    <message>
        <source>Error %1</source>
        <comment>an IRC error numeric</comment>
        <translation>Error %1</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>irc.libera.chat</source>
        <translation>irc.libera.chat</translation>
    </message>
    <message>
        <source>The host name of the IRC network&apos;s server.</source>
        <translation>El nombre de host del servidor de la red IRC.</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Puerto</translation>
    </message>
    <message>
        <source>6697 is the usual port for TLS; plain-text servers usually listen on 6667.</source>
        <translation>6697 es el puerto habitual para TLS; los servidores sin cifrar suelen escuchar en el 6667.</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>Apodo</translation>
    </message>
    <message>
        <source>Alternate nicknames</source>
        <translation>Apodos alternativos</translation>
    </message>
    <message>
        <source>Tried in order when your nickname is taken; separate them with spaces.</source>
        <translation>Se prueban en orden cuando tu apodo está ocupado; sepáralos con espacios.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Your services (NickServ) account password: used for SASL, or for NickServ IDENTIFY where the server offers no SASL.</source>
        <translation>La contraseña de tu cuenta de servicios (NickServ): se usa para SASL, o para NickServ IDENTIFY si el servidor no ofrece SASL.</translation>
    </message>
    <message>
        <source>Connect without encryption (plain text)</source>
        <translation>Conectar sin cifrado (texto sin cifrar)</translation>
    </message>
    <message>
        <source>Only for servers without TLS: anyone on the way can read what you send, passwords included.</source>
        <translation>Solo para servidores sin TLS: cualquiera en el camino puede leer lo que envías, contraseñas incluidas.</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Nombre de la cuenta</translation>
    </message>
    <message>
        <source>Your services account, when it differs from your nickname.</source>
        <translation>Tu cuenta de servicios, si es distinta de tu apodo.</translation>
    </message>
    <message>
        <source>Sign-in method</source>
        <translation>Método de inicio de sesión</translation>
    </message>
    <message>
        <source>auto: SASL when the server offers it (EXTERNAL with a client certificate, else PLAIN), NickServ IDENTIFY otherwise.</source>
        <translation>auto: SASL cuando el servidor lo ofrece (EXTERNAL con un certificado de cliente, si no PLAIN), y NickServ IDENTIFY en otro caso.</translation>
    </message>
    <message>
        <source>Server password</source>
        <translation>Contraseña del servidor</translation>
    </message>
    <message>
        <source>Sent with PASS before signing in (private servers, bouncers).</source>
        <translation>Se envía con PASS antes de iniciar sesión (servidores privados, bouncers).</translation>
    </message>
    <message>
        <source>User name (ident)</source>
        <translation>Nombre de usuario (ident)</translation>
    </message>
    <message>
        <source>Real name</source>
        <translation>Nombre real</translation>
    </message>
    <message>
        <source>Trust this CA certificate</source>
        <translation>Confiar en este certificado de CA</translation>
    </message>
    <message>
        <source>A PEM file, for networks whose certificate is signed by their own CA.</source>
        <translation>Un archivo PEM, para redes cuyo certificado está firmado por su propia autoridad de certificación.</translation>
    </message>
    <message>
        <source>Trust this server certificate (SHA-256 fingerprint)</source>
        <translation>Confiar en este certificado del servidor (huella SHA-256)</translation>
    </message>
    <message>
        <source>Pins one certificate, e.g. a self-signed one, instead of checking its issuer.</source>
        <translation>Fija un certificado concreto, por ejemplo uno autofirmado, en lugar de comprobar su emisor.</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Certificado de cliente</translation>
    </message>
    <message>
        <source>A PEM certificate (with its key, or give the key below) for SASL EXTERNAL / CertFP.</source>
        <translation>Un certificado PEM (con su clave, o indica la clave abajo) para SASL EXTERNAL / CertFP.</translation>
    </message>
    <message>
        <source>Client certificate key</source>
        <translation>Clave del certificado de cliente</translation>
    </message>
    <message>
        <source>Only my contacts may message me privately</source>
        <translation>Solo mis contactos pueden escribirme en privado</translation>
    </message>
    <message>
        <source>Private messages from anyone else are refused: by the server with user mode +g where it offers it (CALLERID), else dropped here. Channels are not affected.</source>
        <translation>Los mensajes privados de cualquier otra persona se rechazan: el servidor lo hace con el modo de usuario +g si lo ofrece (CALLERID); si no, se descartan aquí. Los canales no se ven afectados.</translation>
    </message>
    <message>
        <source>Passive file transfers (behind NAT)</source>
        <translation>Transferencias de archivos pasivas (detrás de NAT)</translation>
    </message>
    <message>
        <source>Ask the other side to listen when you send a file (DCC passive mode): for computers that others cannot connect to.</source>
        <translation>Pedir al otro lado que escuche cuando envías un archivo (modo DCC pasivo): para equipos a los que otros no pueden conectarse.</translation>
    </message>
    <message>
        <source>Ports for file transfers</source>
        <translation>Puertos para transferencias de archivos</translation>
    </message>
    <message>
        <source>The ports DCC listens on (open them in your firewall); empty: any free port.</source>
        <translation>Los puertos en los que escucha DCC (ábrelos en tu cortafuegos); vacío: cualquier puerto libre.</translation>
    </message>
    <message>
        <source>Largest file to accept (MB)</source>
        <translation>Tamaño máximo de archivo aceptado (MB)</translation>
    </message>
    <message>
        <source>Offers of larger files are refused.</source>
        <translation>Se rechazan las ofertas de archivos más grandes.</translation>
    </message>
    <message>
        <source>Join these channels</source>
        <translation>Unirse a estos canales</translation>
    </message>
    <message>
        <source>#chinwag #python</source>
        <translation>#chinwag #python</translation>
    </message>
    <message>
        <source>Joined on every connect, besides the channels you were in last time.</source>
        <translation>Se une a ellos en cada conexión, además de los canales en los que estuviste la última vez.</translation>
    </message>
    <message>
        <source>The port must be a number from 1 to 65535.</source>
        <translation>El puerto debe ser un número del 1 al 65535.</translation>
    </message>
    <message>
        <source>A SHA-256 fingerprint has 32 pairs of hex digits.</source>
        <translation>Una huella SHA-256 tiene 32 pares de dígitos hexadecimales.</translation>
    </message>
    <message>
        <source>A port or a range of ports from 1024 to 65535, like 50000-50100.</source>
        <translation>Un puerto o un intervalo de puertos del 1024 al 65535, como 50000-50100.</translation>
    </message>
    <message>
        <source>SASL EXTERNAL needs a client certificate.</source>
        <translation>SASL EXTERNAL necesita un certificado de cliente.</translation>
    </message>
    <message>
        <source>The server does not offer the SASL sign-in this account is set to use.</source>
        <translation>El servidor no ofrece el inicio de sesión SASL que esta cuenta tiene configurado.</translation>
    </message>
    <message>
        <source>The server did not accept the account name or password (SASL).</source>
        <translation>El servidor no aceptó el nombre de la cuenta o la contraseña (SASL).</translation>
    </message>
    <message>
        <source>The server password was not accepted.</source>
        <translation>No se aceptó la contraseña del servidor.</translation>
    </message>
    <message>
        <source>Your password was not sent to NickServ: the user with that nickname is not marked as the network&apos;s services, so it could be anyone.</source>
        <translation>Tu contraseña no se envió a NickServ: el usuario con ese apodo no está marcado como servicio de la red, así que podría ser cualquiera.</translation>
    </message>
    <message>
        <source>Your password was not sent to NickServ: the server did not say in time whether NickServ is the network&apos;s services.</source>
        <translation>Tu contraseña no se envió a NickServ: el servidor no indicó a tiempo si NickServ es un servicio de la red.</translation>
    </message>
    <message>
        <source>This network has no NickServ: signed in without identifying.</source>
        <translation>Esta red no tiene NickServ: sesión iniciada sin identificarse.</translation>
    </message>
    <message>
        <source>NickServ did not accept the password.</source>
        <translation>NickServ no aceptó la contraseña.</translation>
    </message>
    <message>
        <source>This server does not relay reactions.</source>
        <translation>Este servidor no transmite reacciones.</translation>
    </message>
    <message>
        <source>Cannot use the TLS settings: %1</source>
        <translation>No se pueden usar los ajustes de TLS: %1</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted (%1).</source>
        <translation>El certificado del servidor no es de confianza (%1).</translation>
    </message>
    <message>
        <source>TLS failed: %1</source>
        <translation>Falló TLS: %1</translation>
    </message>
    <message>
        <source>Connection aborted: %1</source>
        <translation>Conexión interrumpida: %1</translation>
    </message>
    <message>
        <source>The server did not start TLS. If this port is for plain-text connections, use the TLS port (usually 6697).</source>
        <translation>El servidor no inició TLS. Si este puerto es para conexiones sin cifrar, usa el puerto TLS (normalmente 6697).</translation>
    </message>
    <message>
        <source>Cannot find %1: %2</source>
        <translation>No se encuentra %1: %2</translation>
    </message>
    <message>
        <source>Cannot reach %1:%2: %3</source>
        <translation>No se puede contactar con %1:%2: %3</translation>
    </message>
    <message>
        <source>The server&apos;s certificate does not match the one you chose to trust.</source>
        <translation>El certificado del servidor no coincide con el que elegiste como de confianza.</translation>
    </message>
    <message>
        <source>This homeserver does not offer that sign-in.</source>
        <translation>Este servidor base no ofrece ese inicio de sesión.</translation>
    </message>
    <message>
        <source>No sign-in service is advertised.</source>
        <translation>No se anuncia ningún servicio de inicio de sesión.</translation>
    </message>
    <message>
        <source>The homeserver does not say who signed in.</source>
        <translation>El servidor base no indica quién inició sesión.</translation>
    </message>
    <message>
        <source>The address #{alias} is already taken on this server.</source>
        <translation>La dirección #{alias} ya está ocupada en este servidor.</translation>
    </message>
    <message>
        <source>%1: a Matrix ID is @name:server.</source>
        <translation>%1: un ID de Matrix tiene la forma @nombre:servidor.</translation>
    </message>
    <message>
        <source>Encryption is not available in this session.</source>
        <translation>El cifrado no está disponible en esta sesión.</translation>
    </message>
    <message>
        <source>#%1 cannot be a room address.</source>
        <translation>#%1 no puede ser la dirección de una sala.</translation>
    </message>
    <message>
        <source>The server did not say which room it made.</source>
        <translation>El servidor no indicó qué sala creó.</translation>
    </message>
    <message>
        <source>A Matrix ID looks like @name:example.org.</source>
        <translation>Un ID de Matrix tiene la forma @nombre:example.org.</translation>
    </message>
    <message>
        <source>Matrix rooms have no %1 role.</source>
        <translation>Las salas de Matrix no tienen el rol %1.</translation>
    </message>
    <message>
        <source>The room was closed.</source>
        <translation>La sala se cerró.</translation>
    </message>
    <message>
        <source>Not a Matrix media URL.</source>
        <translation>No es una URL de contenido de Matrix.</translation>
    </message>
    <message>
        <source>%1 did not say how to sign in (HTTP %2).</source>
        <translation>%1 no indicó cómo iniciar sesión (HTTP %2).</translation>
    </message>
    <message>
        <source>The sign-in service “%1” cannot be reached right now. Try again later, or sign in another way.</source>
        <translation>No se puede contactar ahora con el servicio de inicio de sesión «%1». Inténtalo más tarde o inicia sesión de otra forma.</translation>
    </message>
    <message>
        <source>The homeserver&apos;s answer lacks the new session.</source>
        <translation>La respuesta del servidor base no incluye la nueva sesión.</translation>
    </message>
    <message>
        <source>The sign-in service cannot be reached (%1).</source>
        <translation>No se puede contactar con el servicio de inicio de sesión (%1).</translation>
    </message>
    <message>
        <source>The sign-in service did not register the app (%1).</source>
        <translation>El servicio de inicio de sesión no registró la aplicación (%1).</translation>
    </message>
    <message>
        <source>The server&apos;s discovery file is unavailable (HTTP %1).</source>
        <translation>El archivo de descubrimiento del servidor no está disponible (HTTP %1).</translation>
    </message>
    <message>
        <source>The server&apos;s discovery file could not be read (HTTP %1). Enter the homeserver URL in the advanced settings.</source>
        <translation>No se pudo leer el archivo de descubrimiento del servidor (HTTP %1). Introduce la URL del servidor base en los ajustes avanzados.</translation>
    </message>
    <message>
        <source>The server&apos;s discovery file does not name a valid homeserver. Enter the homeserver URL in the advanced settings.</source>
        <translation>El archivo de descubrimiento del servidor no indica un servidor base válido. Introduce la URL del servidor base en los ajustes avanzados.</translation>
    </message>
    <message>
        <source>%1 is not an https:// address. Matrix sign-in needs HTTPS so your password, access token and messages are not sent in the clear; plain http:// is only used on this computer (localhost) or when “Allow unencrypted HTTP” is switched on.</source>
        <translation>%1 no es una dirección https://. El inicio de sesión de Matrix necesita HTTPS para que tu contraseña, tu token de acceso y tus mensajes no viajen sin cifrar; http:// simple solo se usa en este equipo (localhost) o cuando está activado «Permitir HTTP sin cifrar».</translation>
    </message>
    <message>
        <source>The server asks us to slow down.</source>
        <translation>El servidor nos pide que vayamos más despacio.</translation>
    </message>
    <message>
        <source>Wrong Matrix ID or password.</source>
        <translation>ID de Matrix o contraseña incorrectos.</translation>
    </message>
    <message>
        <source>This account has been deactivated.</source>
        <translation>Esta cuenta se ha desactivado.</translation>
    </message>
    <message>
        <source>The session has ended.</source>
        <translation>La sesión ha terminado.</translation>
    </message>
    <message>
        <source>The server had a problem: %1</source>
        <translation>El servidor tuvo un problema: %1</translation>
    </message>
    <message>
        <source>The server does not support this.</source>
        <translation>El servidor no admite esto.</translation>
    </message>
    <message>
        <source>The server asks for another way of confirming than the password to set up cross-signing.</source>
        <translation>El servidor pide otra forma de confirmación distinta de la contraseña para configurar la firma cruzada.</translation>
    </message>
    <message>
        <source>The password is needed to set up cross-signing.</source>
        <translation>Se necesita la contraseña para configurar la firma cruzada.</translation>
    </message>
    <message>
        <source>The server did not accept the password for cross-signing.</source>
        <translation>El servidor no aceptó la contraseña para la firma cruzada.</translation>
    </message>
    <message>
        <source>The encryption identity of %1 changed, so their devices are no longer verified. Verify them again before you trust new messages.</source>
        <translation>La identidad de cifrado de %1 cambió, así que sus dispositivos ya no están verificados. Vuelve a verificarlos antes de confiar en mensajes nuevos.</translation>
    </message>
    <message>
        <source>This device&apos;s keys are not on the server yet.</source>
        <translation>Las claves de este dispositivo todavía no están en el servidor.</translation>
    </message>
    <message>
        <source>No keys for device %1.</source>
        <translation>No hay claves para el dispositivo %1.</translation>
    </message>
    <message>
        <source>The master key of %1 changed meanwhile.</source>
        <translation>La clave maestra de %1 cambió mientras tanto.</translation>
    </message>
    <message>
        <source>The server refused the signature.</source>
        <translation>El servidor rechazó la firma.</translation>
    </message>
    <message>
        <source>Waiting for the key to decrypt this message…</source>
        <translation>Esperando la clave para descifrar este mensaje…</translation>
    </message>
    <message>
        <source>This message could not be decrypted.</source>
        <translation>No se pudo descifrar este mensaje.</translation>
    </message>
    <message>
        <source>This message is end-to-end encrypted; install matrix-nio[e2e] to read it.</source>
        <translation>Este mensaje está cifrado de extremo a extremo; instala matrix-nio[e2e] para leerlo.</translation>
    </message>
    <message>
        <source>This room is end-to-end encrypted, and encryption support (matrix-nio[e2e]) is not installed.</source>
        <translation>Esta sala está cifrada de extremo a extremo y la compatibilidad con el cifrado (matrix-nio[e2e]) no está instalada.</translation>
    </message>
    <message>
        <source>End-to-end encryption support (matrix-nio[e2e]) is not installed.</source>
        <translation>La compatibilidad con el cifrado de extremo a extremo (matrix-nio[e2e]) no está instalada.</translation>
    </message>
    <message>
        <source>The server gave no position.</source>
        <translation>El servidor no indicó ninguna posición.</translation>
    </message>
    <message>
        <source>The homeserver cannot be reached (%1).</source>
        <translation>No se puede contactar con el servidor base (%1).</translation>
    </message>
    <message>
        <source>The homeserver&apos;s certificate is not trusted. Check the server, or add its CA certificate in the account&apos;s advanced settings.</source>
        <translation>El certificado del servidor base no es de confianza. Comprueba el servidor o añade su certificado de CA en los ajustes avanzados de la cuenta.</translation>
    </message>
    <message>
        <source>The homeserver&apos;s certificate is not the one trusted for this account.</source>
        <translation>El certificado del servidor base no es el de confianza para esta cuenta.</translation>
    </message>
    <message>
        <source>The file is larger than allowed (%1 bytes; at most %2).</source>
        <translation>El archivo supera el tamaño permitido (%1 bytes; como máximo %2).</translation>
    </message>
    <message>
        <source>Enter the recovery key.</source>
        <translation>Introduce la clave de recuperación.</translation>
    </message>
    <message>
        <source>This is not a recovery key: it contains “%1”, which a recovery key never has.</source>
        <translation>Esto no es una clave de recuperación: contiene «%1», algo que una clave de recuperación nunca tiene.</translation>
    </message>
    <message>
        <source>This is not a recovery key (wrong length or start).</source>
        <translation>Esto no es una clave de recuperación (longitud o comienzo incorrectos).</translation>
    </message>
    <message>
        <source>The recovery key has a typo: its check character does not match.</source>
        <translation>La clave de recuperación tiene una errata: su carácter de control no coincide.</translation>
    </message>
    <message>
        <source>There is no key backup on the server.</source>
        <translation>No hay copia de seguridad de claves en el servidor.</translation>
    </message>
    <message>
        <source>The key backup uses a method Chinwag does not know.</source>
        <translation>La copia de seguridad de claves usa un método que Chinwag no conoce.</translation>
    </message>
    <message>
        <source>This recovery key does not belong to the key backup on the server.</source>
        <translation>Esta clave de recuperación no corresponde a la copia de seguridad de claves del servidor.</translation>
    </message>
    <message>
        <source>The server&apos;s answer about the key backup was unusable.</source>
        <translation>La respuesta del servidor sobre la copia de seguridad de claves no se pudo usar.</translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation>No se puede leer el archivo: %1</translation>
    </message>
    <message>
        <source>The file was not sent: its encryption did not finish. Try again.</source>
        <translation>El archivo no se envió: su cifrado no terminó. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The encrypted file is damaged: %1</source>
        <translation>El archivo cifrado está dañado: %1</translation>
    </message>
    <message>
        <source>A room is named #alias:server or by its !id.</source>
        <translation>Una sala se indica como #alias:servidor o por su !id.</translation>
    </message>
    <message>
        <source>No direct chat.</source>
        <translation>No hay chat directo.</translation>
    </message>
    <message>
        <source>The message could not be encrypted: %1</source>
        <translation>No se pudo cifrar el mensaje: %1</translation>
    </message>
    <message>
        <source>The homeserver&apos;s sign-in service describes itself incompletely (%1 missing or not HTTPS).</source>
        <translation>El servicio de inicio de sesión del servidor base se describe de forma incompleta (falta %1 o no es HTTPS).</translation>
    </message>
    <message>
        <source>The sign-in service offers no authorization code.</source>
        <translation>El servicio de inicio de sesión no ofrece código de autorización.</translation>
    </message>
    <message>
        <source>The sign-in service refuses authorization codes.</source>
        <translation>El servicio de inicio de sesión rechaza los códigos de autorización.</translation>
    </message>
    <message>
        <source>The sign-in service does not support PKCE (S256), so it cannot be used safely by a desktop app.</source>
        <translation>El servicio de inicio de sesión no admite PKCE (S256), así que una aplicación de escritorio no puede usarlo de forma segura.</translation>
    </message>
    <message>
        <source>The sign-in service did not register the app.</source>
        <translation>El servicio de inicio de sesión no registró la aplicación.</translation>
    </message>
    <message>
        <source>The sign-in answer does not belong to this sign-in.</source>
        <translation>La respuesta de inicio de sesión no corresponde a este inicio de sesión.</translation>
    </message>
    <message>
        <source>The sign-in was not finished: %1.</source>
        <translation>El inicio de sesión no se completó: %1.</translation>
    </message>
    <message>
        <source>The sign-in answer carries no code.</source>
        <translation>La respuesta de inicio de sesión no incluye ningún código.</translation>
    </message>
    <message>
        <source>The sign-in is no longer valid: sign in again.</source>
        <translation>El inicio de sesión ya no es válido: vuelve a iniciar sesión.</translation>
    </message>
    <message>
        <source>The sign-in service refused the token request (%1).</source>
        <translation>El servicio de inicio de sesión rechazó la solicitud de token (%1).</translation>
    </message>
    <message>
        <source>The sign-in service sent no usable access token.</source>
        <translation>El servicio de inicio de sesión no envió ningún token de acceso utilizable.</translation>
    </message>
    <message>
        <source>You cannot block yourself.</source>
        <translation>No puedes bloquearte a ti mismo.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 no existe.</translation>
    </message>
    <message>
        <source>Only web links have previews.</source>
        <translation>Solo los enlaces web tienen vista previa.</translation>
    </message>
    <message>
        <source>The page has nothing to preview.</source>
        <translation>La página no tiene nada que previsualizar.</translation>
    </message>
    <message>
        <source>The preview has no image.</source>
        <translation>La vista previa no tiene imagen.</translation>
    </message>
    <message>
        <source>This Matrix ID is taken: choose another name.</source>
        <translation>Este ID de Matrix ya está ocupado: elige otro nombre.</translation>
    </message>
    <message>
        <source>Too many attempts; try again in a while.</source>
        <translation>Demasiados intentos; inténtalo de nuevo dentro de un rato.</translation>
    </message>
    <message>
        <source>The homeserver refused the new account: %1.</source>
        <translation>El servidor base rechazó la cuenta nueva: %1.</translation>
    </message>
    <message>
        <source>Matrix ID</source>
        <translation>ID de Matrix</translation>
    </message>
    <message>
        <source>@alice:example.org</source>
        <translation>@alice:example.org</translation>
    </message>
    <message>
        <source>Your full Matrix ID. The homeserver is found from it.</source>
        <translation>Tu ID de Matrix completo. A partir de él se encuentra el servidor base.</translation>
    </message>
    <message>
        <source>Homeserver URL</source>
        <translation>URL del servidor base</translation>
    </message>
    <message>
        <source>https://matrix.example.org</source>
        <translation>https://matrix.example.org</translation>
    </message>
    <message>
        <source>Only if it cannot be discovered from your Matrix ID (.well-known).</source>
        <translation>Solo si no se puede descubrir a partir de tu ID de Matrix (.well-known).</translation>
    </message>
    <message>
        <source>Trusted CA certificate</source>
        <translation>Certificado de CA de confianza</translation>
    </message>
    <message>
        <source>A PEM file to trust in addition to the system&apos;s certificate authorities.</source>
        <translation>Un archivo PEM en el que confiar además de las autoridades de certificación del sistema.</translation>
    </message>
    <message>
        <source>Trusted certificate fingerprint</source>
        <translation>Huella del certificado de confianza</translation>
    </message>
    <message>
        <source>The SHA-256 fingerprint (AA:BB:…) of a certificate to accept as it is.</source>
        <translation>La huella SHA-256 (AA:BB:…) de un certificado que se aceptará tal cual.</translation>
    </message>
    <message>
        <source>Allow unencrypted HTTP</source>
        <translation>Permitir HTTP sin cifrar</translation>
    </message>
    <message>
        <source>Only for a homeserver you reach safely another way (a VPN, a tunnel). Password, access token and messages would travel without HTTPS.</source>
        <translation>Solo para un servidor base al que llegas de forma segura por otra vía (una VPN, un túnel). La contraseña, el token de acceso y los mensajes viajarían sin HTTPS.</translation>
    </message>
    <message>
        <source>Use sliding sync</source>
        <translation>Usar sincronización deslizante (sliding sync)</translation>
    </message>
    <message>
        <source>Where the homeserver has it: the room list arrives in one answer, however many rooms.</source>
        <translation>Si el servidor base la tiene: la lista de salas llega en una sola respuesta, haya las salas que haya.</translation>
    </message>
    <message>
        <source>The CA certificate file does not exist.</source>
        <translation>El archivo del certificado de CA no existe.</translation>
    </message>
    <message>
        <source>The certificate fingerprint is invalid: %1</source>
        <translation>La huella del certificado no es válida: %1</translation>
    </message>
    <message>
        <source>The CA certificate file cannot be used: %1</source>
        <translation>No se puede usar el archivo de certificado de CA: %1</translation>
    </message>
    <message>
        <source>%1 does not look like a Matrix homeserver. Enter the homeserver URL in the advanced settings.</source>
        <translation>%1 no parece un servidor base de Matrix. Introduce la URL del servidor base en los ajustes avanzados.</translation>
    </message>
    <message>
        <source>No password is saved for this account.</source>
        <translation>No hay ninguna contraseña guardada para esta cuenta.</translation>
    </message>
    <message>
        <source>The homeserver&apos;s sign-in answer is incomplete.</source>
        <translation>La respuesta de inicio de sesión del servidor base está incompleta.</translation>
    </message>
    <message>
        <source>The encryption store cannot be opened: %1</source>
        <translation>No se puede abrir el almacén de cifrado: %1</translation>
    </message>
    <message>
        <source>The browser did not come back: the sign-in was not finished in time.</source>
        <translation>El navegador no volvió: el inicio de sesión no se completó a tiempo.</translation>
    </message>
    <message>
        <source>The homeserver sent the browser back without a token.</source>
        <translation>El servidor base devolvió el navegador sin token.</translation>
    </message>
    <message>
        <source>The homeserver sent an unusable sync answer.</source>
        <translation>El servidor base envió una respuesta de sincronización inutilizable.</translation>
    </message>
    <message>
        <source>Banned by %1: %2</source>
        <translation>Vetado por %1: %2</translation>
    </message>
    <message>
        <source>Banned by %1</source>
        <translation>Vetado por %1</translation>
    </message>
    <message>
        <source>Removed by %1: %2</source>
        <translation>Expulsado por %1: %2</translation>
    </message>
    <message>
        <source>Removed by %1</source>
        <translation>Expulsado por %1</translation>
    </message>
    <message>
        <source>The server ended this session: sign in again. Your messages and encryption keys on this device are kept.</source>
        <translation>El servidor cerró esta sesión: vuelve a iniciar sesión. Tus mensajes y claves de cifrado de este dispositivo se conservan.</translation>
    </message>
    <message>
        <source>The homeserver&apos;s refresh answer lacks the new tokens.</source>
        <translation>La respuesta de renovación del servidor base no incluye los nuevos tokens.</translation>
    </message>
    <message>
        <source>The server asks for %1, which Chinwag cannot do. Use the server&apos;s web site for this, then come back.</source>
        <translation>El servidor pide %1, algo que Chinwag no puede hacer. Usa el sitio web del servidor para ello y luego vuelve.</translation>
    </message>
    <message>
        <source>This server gives accounts only to people with a token from its admins.</source>
        <translation>Este servidor solo da cuentas a quienes tienen un token de sus administradores.</translation>
    </message>
    <message>
        <source>The server asks for %1 on its web page: it opens in your browser. Come back here when you are done there.</source>
        <translation>El servidor pide %1 en su página web: se abre en tu navegador. Vuelve aquí cuando termines allí.</translation>
    </message>
    <message>
        <source>Enter the registration token you were given.</source>
        <translation>Introduce el token de registro que te dieron.</translation>
    </message>
    <message>
        <source>The server makes accounts only for people who accept its terms.</source>
        <translation>El servidor solo crea cuentas para quienes aceptan sus condiciones.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Introduce tu contraseña.</translation>
    </message>
    <message>
        <source>The server does not accept this registration token.</source>
        <translation>El servidor no acepta este token de registro.</translation>
    </message>
    <message>
        <source>Wrong password.</source>
        <translation>Contraseña incorrecta.</translation>
    </message>
    <message>
        <source>The web page was not finished: try again in the browser.</source>
        <translation>No se completó la página web: vuelve a intentarlo en el navegador.</translation>
    </message>
    <message>
        <source>The server refused this step.</source>
        <translation>El servidor rechazó este paso.</translation>
    </message>
    <message>
        <source>The server kept asking for more steps.</source>
        <translation>El servidor siguió pidiendo más pasos.</translation>
    </message>
    <message>
        <source>The confirmation in the browser (%1) was not finished in time.</source>
        <translation>La confirmación en el navegador (%1) no se completó a tiempo.</translation>
    </message>
    <message>
        <source>The emojis did not match.</source>
        <translation>Los emojis no coincidían.</translation>
    </message>
    <message>
        <source>Cancelled by the user.</source>
        <translation>Cancelado por el usuario.</translation>
    </message>
    <message>
        <source>Only emoji verification is known.</source>
        <translation>Solo se conoce la verificación por emojis.</translation>
    </message>
    <message>
        <source>No common key agreement.</source>
        <translation>No hay acuerdo de claves en común.</translation>
    </message>
    <message>
        <source>No common MAC method.</source>
        <translation>No hay método MAC en común.</translation>
    </message>
    <message>
        <source>No common SAS method.</source>
        <translation>No hay método SAS en común.</translation>
    </message>
    <message>
        <source>Unexpected accept.</source>
        <translation>Aceptación inesperada.</translation>
    </message>
    <message>
        <source>No common method.</source>
        <translation>No hay método en común.</translation>
    </message>
    <message>
        <source>No common hash.</source>
        <translation>No hay hash en común.</translation>
    </message>
    <message>
        <source>Unexpected key.</source>
        <translation>Clave inesperada.</translation>
    </message>
    <message>
        <source>Key before accept.</source>
        <translation>Clave antes de la aceptación.</translation>
    </message>
    <message>
        <source>Mismatched commitment.</source>
        <translation>Compromiso no coincidente.</translation>
    </message>
    <message>
        <source>Unexpected MAC.</source>
        <translation>MAC inesperado.</translation>
    </message>
    <message>
        <source>Malformed MAC.</source>
        <translation>MAC mal formado.</translation>
    </message>
    <message>
        <source>The keys did not match.</source>
        <translation>Las claves no coincidían.</translation>
    </message>
    <message>
        <source>Unknown key type.</source>
        <translation>Tipo de clave desconocido.</translation>
    </message>
    <message>
        <source>The device key did not match.</source>
        <translation>La clave del dispositivo no coincidía.</translation>
    </message>
    <message>
        <source>The identity did not match.</source>
        <translation>La identidad no coincidía.</translation>
    </message>
    <message>
        <source>The device key was not confirmed.</source>
        <translation>No se confirmó la clave del dispositivo.</translation>
    </message>
    <message>
        <source>Cancelled by the other side.</source>
        <translation>Cancelado por el otro lado.</translation>
    </message>
    <message>
        <source>Timed out.</source>
        <translation>Se agotó el tiempo.</translation>
    </message>
    <message>
        <source>No encryption.</source>
        <translation>Sin cifrado.</translation>
    </message>
    <message>
        <source>%1 has no device %2.</source>
        <translation>%1 no tiene el dispositivo %2.</translation>
    </message>
    <message>
        <source>%1 has no device to verify.</source>
        <translation>%1 no tiene ningún dispositivo que verificar.</translation>
    </message>
    <message>
        <source>No such verification.</source>
        <translation>No existe esa verificación.</translation>
    </message>
    <message>
        <source>Not an XMPP avatar reference.</source>
        <translation>No es una referencia de avatar XMPP.</translation>
    </message>
    <message>
        <source>No picture was given: %1.</source>
        <translation>No se proporcionó ninguna imagen: %1.</translation>
    </message>
    <message>
        <source>The vCard has no picture.</source>
        <translation>La vCard no tiene imagen.</translation>
    </message>
    <message>
        <source>The picture does not match its hash.</source>
        <translation>La imagen no coincide con su hash.</translation>
    </message>
    <message>
        <source>You signed in elsewhere with the same device name.</source>
        <translation>Iniciaste sesión en otro lugar con el mismo nombre de dispositivo.</translation>
    </message>
    <message>
        <source>No password is stored for this account.</source>
        <translation>No hay ninguna contraseña guardada para esta cuenta.</translation>
    </message>
    <message>
        <source>Fetched</source>
        <translation>Obtenido</translation>
    </message>
    <message>
        <source>The server&apos;s certificate does not match the pinned fingerprint.</source>
        <translation>El certificado del servidor no coincide con la huella fijada.</translation>
    </message>
    <message>
        <source>The server could not deliver this message.</source>
        <translation>El servidor no pudo entregar este mensaje.</translation>
    </message>
    <message>
        <source>%1 offers no XMPP service (DNS SRV).</source>
        <translation>%1 no ofrece ningún servicio XMPP (DNS SRV).</translation>
    </message>
    <message>
        <source>This server offers no file upload.</source>
        <translation>Este servidor no ofrece subida de archivos.</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>No se puede leer el archivo: %1</translation>
    </message>
    <message>
        <source>The file is too large for this server (at most %1 KiB).</source>
        <translation>El archivo es demasiado grande para este servidor (como máximo %1 KiB).</translation>
    </message>
    <message>
        <source>The upload service sent no address.</source>
        <translation>El servicio de subida no envió ninguna dirección.</translation>
    </message>
    <message>
        <source>This server keeps no history.</source>
        <translation>Este servidor no guarda historial.</translation>
    </message>
    <message>
        <source>Loading older messages</source>
        <translation>Cargando mensajes anteriores</translation>
    </message>
    <message>
        <source>Could not find this point in the history.</source>
        <translation>No se encontró este punto en el historial.</translation>
    </message>
    <message>
        <source>You are not in this room.</source>
        <translation>No estás en esta sala.</translation>
    </message>
    <message>
        <source>%1 is not in the room right now.</source>
        <translation>%1 no está en la sala ahora mismo.</translation>
    </message>
    <message>
        <source>You cannot ban yourself.</source>
        <translation>No puedes vetarte a ti mismo.</translation>
    </message>
    <message>
        <source>%1 is not an XMPP address.</source>
        <translation>%1 no es una dirección XMPP.</translation>
    </message>
    <message>
        <source>The room does not show %1&apos;s address, so it cannot be used for that.</source>
        <translation>La sala no muestra la dirección de %1, así que no se puede usar para eso.</translation>
    </message>
    <message>
        <source>The downloaded file is too short to be an encrypted file.</source>
        <translation>El archivo descargado es demasiado corto para ser un archivo cifrado.</translation>
    </message>
    <message>
        <source>The downloaded file ended early.</source>
        <translation>El archivo descargado terminó antes de tiempo.</translation>
    </message>
    <message>
        <source>The file could not be decrypted: it was damaged or altered on the way.</source>
        <translation>No se pudo descifrar el archivo: se dañó o se alteró por el camino.</translation>
    </message>
    <message>
        <source>The upload service gave no https:// address, so the file cannot be shared encrypted.</source>
        <translation>El servicio de subida no dio ninguna dirección https://, así que el archivo no se puede compartir cifrado.</translation>
    </message>
    <message>
        <source>This is not a valid encrypted file link.</source>
        <translation>Este no es un enlace válido a un archivo cifrado.</translation>
    </message>
    <message>
        <source>Encryption is still starting.</source>
        <translation>El cifrado todavía se está iniciando.</translation>
    </message>
    <message>
        <source>%1 no longer has a device that can read encrypted messages, so this message was not sent.</source>
        <translation>%1 ya no tiene ningún dispositivo que pueda leer mensajes cifrados, así que este mensaje no se envió.</translation>
    </message>
    <message>
        <source>This room no longer allows encryption (it must be members-only and show addresses).</source>
        <translation>Esta sala ya no permite el cifrado (debe ser solo para miembros y mostrar las direcciones).</translation>
    </message>
    <message>
        <source>Not every member can read encrypted messages (%1), so this message was not sent.</source>
        <translation>No todos los miembros pueden leer mensajes cifrados (%1), así que este mensaje no se envió.</translation>
    </message>
    <message>
        <source>One of your devices has a new identity key</source>
        <translation>Uno de tus dispositivos tiene una clave de identidad nueva</translation>
    </message>
    <message>
        <source>A new device was added to your account</source>
        <translation>Se añadió un dispositivo nuevo a tu cuenta</translation>
    </message>
    <message>
        <source>A device of %1 has a new identity key</source>
        <translation>Un dispositivo de %1 tiene una clave de identidad nueva</translation>
    </message>
    <message>
        <source>%1 has a new device</source>
        <translation>%1 tiene un dispositivo nuevo</translation>
    </message>
    <message>
        <source>Messages are encrypted to it; compare the fingerprint in Devices to verify it.</source>
        <translation>Los mensajes se cifran para él; compara la huella en Dispositivos para verificarlo.</translation>
    </message>
    <message>
        <source>Nothing is encrypted to it until you verify or distrust it in Devices.</source>
        <translation>No se cifra nada para él hasta que lo verifiques o desconfíes de él en Dispositivos.</translation>
    </message>
    <message>
        <source>%1 (fingerprint %2). %3</source>
        <translation>%1 (huella %2). %3</translation>
    </message>
    <message>
        <source>This message was encrypted, but not for this device, so it cannot be read here.</source>
        <translation>Este mensaje se cifró, pero no para este dispositivo, así que no se puede leer aquí.</translation>
    </message>
    <message>
        <source>This message could not be decrypted. Repairing the encryption session with the sender may help with the next messages.</source>
        <translation>No se pudo descifrar este mensaje. Reparar la sesión de cifrado con el remitente puede ayudar con los siguientes mensajes.</translation>
    </message>
    <message>
        <source>This message came from a device you distrust, so it is not shown.</source>
        <translation>Este mensaje viene de un dispositivo en el que no confías, así que no se muestra.</translation>
    </message>
    <message>
        <source>This message&apos;s encrypted content was not valid, so it is not shown.</source>
        <translation>El contenido cifrado de este mensaje no era válido, así que no se muestra.</translation>
    </message>
    <message>
        <source>You sent this message from this device; its stored copy cannot be decrypted here.</source>
        <translation>Enviaste este mensaje desde este dispositivo; su copia guardada no se puede descifrar aquí.</translation>
    </message>
    <message>
        <source>This message is encrypted, and encryption is not available right now.</source>
        <translation>Este mensaje está cifrado y el cifrado no está disponible ahora mismo.</translation>
    </message>
    <message>
        <source>This message came from a device whose identity key changed, so it is not shown.</source>
        <translation>Este mensaje viene de un dispositivo cuya clave de identidad cambió, así que no se muestra.</translation>
    </message>
    <message>
        <source>A device of %1 (%2) now presents another identity key than the one it published, so its messages are not shown.</source>
        <translation>Un dispositivo de %1 (%2) presenta ahora una clave de identidad distinta de la que publicó, así que sus mensajes no se muestran.</translation>
    </message>
    <message>
        <source>A file that was encrypted for this conversation cannot be sent without encryption.</source>
        <translation>Un archivo cifrado para esta conversación no se puede enviar sin cifrar.</translation>
    </message>
    <message>
        <source>%1 has no device this message may be encrypted to (all are distrusted or unreachable), so it was not sent.</source>
        <translation>%1 no tiene ningún dispositivo para el que se pueda cifrar este mensaje (todos están sin confianza o inaccesibles), así que no se envió.</translation>
    </message>
    <message>
        <source>%1 has a new device you have not decided about. Verify or distrust it in Devices, then send again.</source>
        <translation>%1 tiene un dispositivo nuevo sobre el que no has decidido. Verifícalo o desconfía de él en Dispositivos y vuelve a enviar.</translation>
    </message>
    <message>
        <source>There is no device to encrypt this message to.</source>
        <translation>No hay ningún dispositivo para el que cifrar este mensaje.</translation>
    </message>
    <message>
        <source>This device is always trusted.</source>
        <translation>Este dispositivo siempre es de confianza.</translation>
    </message>
    <message>
        <source>No such device.</source>
        <translation>No existe ese dispositivo.</translation>
    </message>
    <message>
        <source>No broken encryption session is known here.</source>
        <translation>Aquí no se conoce ninguna sesión de cifrado rota.</translation>
    </message>
    <message>
        <source>Encryption is not available right now.</source>
        <translation>El cifrado no está disponible ahora mismo.</translation>
    </message>
    <message>
        <source>This server does not let new accounts be made from an app.</source>
        <translation>Este servidor no permite crear cuentas nuevas desde una aplicación.</translation>
    </message>
    <message>
        <source>This server cannot make accounts.</source>
        <translation>Este servidor no puede crear cuentas.</translation>
    </message>
    <message>
        <source>This username is taken: choose another one.</source>
        <translation>Este nombre de usuario ya está ocupado: elige otro.</translation>
    </message>
    <message>
        <source>The server will not make more accounts right now; try again later.</source>
        <translation>El servidor no creará más cuentas por ahora; inténtalo más tarde.</translation>
    </message>
    <message>
        <source>The server did not accept these answers.</source>
        <translation>El servidor no aceptó estas respuestas.</translation>
    </message>
    <message>
        <source>Cannot reach the server.</source>
        <translation>No se puede contactar con el servidor.</translation>
    </message>
    <message>
        <source>No registration form is waiting for answers.</source>
        <translation>No hay ningún formulario de registro esperando respuestas.</translation>
    </message>
    <message>
        <source>No XMPP server was found for %1.</source>
        <translation>No se encontró ningún servidor XMPP para %1.</translation>
    </message>
    <message>
        <source>Cannot reach the server (%1).</source>
        <translation>No se puede contactar con el servidor (%1).</translation>
    </message>
    <message>
        <source>The server does not offer an encrypted connection.</source>
        <translation>El servidor no ofrece una conexión cifrada.</translation>
    </message>
    <message>
        <source>The server sent no form.</source>
        <translation>El servidor no envió ningún formulario.</translation>
    </message>
    <message>
        <source>This room needs a password (or the password is wrong).</source>
        <translation>Esta sala necesita una contraseña (o la contraseña es incorrecta).</translation>
    </message>
    <message>
        <source>Only members may join this room.</source>
        <translation>Solo los miembros pueden unirse a esta sala.</translation>
    </message>
    <message>
        <source>You are banned from this room.</source>
        <translation>Estás vetado en esta sala.</translation>
    </message>
    <message>
        <source>This room does not exist or is locked.</source>
        <translation>Esta sala no existe o está bloqueada.</translation>
    </message>
    <message>
        <source>This room is full.</source>
        <translation>Esta sala está llena.</translation>
    </message>
    <message>
        <source>This server does not let you create rooms.</source>
        <translation>Este servidor no te permite crear salas.</translation>
    </message>
    <message>
        <source>A nickname is required.</source>
        <translation>El apodo es obligatorio.</translation>
    </message>
    <message>
        <source>This nickname is not allowed here.</source>
        <translation>Este apodo no está permitido aquí.</translation>
    </message>
    <message>
        <source>This nickname is already used in the room.</source>
        <translation>Este apodo ya se usa en la sala.</translation>
    </message>
    <message>
        <source>You were banned from the room.</source>
        <translation>Te vetaron en la sala.</translation>
    </message>
    <message>
        <source>You were kicked from the room.</source>
        <translation>Te expulsaron de la sala.</translation>
    </message>
    <message>
        <source>Your membership was removed.</source>
        <translation>Se retiró tu condición de miembro.</translation>
    </message>
    <message>
        <source>The room became members-only.</source>
        <translation>La sala pasó a ser solo para miembros.</translation>
    </message>
    <message>
        <source>The room service is shutting down.</source>
        <translation>El servicio de salas se está cerrando.</translation>
    </message>
    <message>
        <source>%1 is not a room address.</source>
        <translation>%1 no es la dirección de una sala.</translation>
    </message>
    <message>
        <source>Could not join the room.</source>
        <translation>No se pudo entrar en la sala.</translation>
    </message>
    <message>
        <source>You left the room.</source>
        <translation>Saliste de la sala.</translation>
    </message>
    <message>
        <source>This server has no group chat service.</source>
        <translation>Este servidor no tiene servicio de chat en grupo.</translation>
    </message>
    <message>
        <source>%1 cannot be a room address.</source>
        <translation>%1 no puede ser la dirección de una sala.</translation>
    </message>
    <message>
        <source>You are already in this room.</source>
        <translation>Ya estás en esta sala.</translation>
    </message>
    <message>
        <source>Could not create the room.</source>
        <translation>No se pudo crear la sala.</translation>
    </message>
    <message>
        <source>A room with the address %1 already exists.</source>
        <translation>Ya existe una sala con la dirección %1.</translation>
    </message>
    <message>
        <source>This server offers no group chat service.</source>
        <translation>Este servidor no ofrece servicio de chat en grupo.</translation>
    </message>
    <message>
        <source>The room did not answer.</source>
        <translation>La sala no respondió.</translation>
    </message>
    <message>
        <source>This server cannot block contacts.</source>
        <translation>Este servidor no permite bloquear contactos.</translation>
    </message>
    <message>
        <source>%1 is not an XMPP address to block.</source>
        <translation>%1 no es una dirección XMPP que se pueda bloquear.</translation>
    </message>
    <message>
        <source>Disconnect the account to appear offline.</source>
        <translation>Desconecta la cuenta para aparecer desconectado.</translation>
    </message>
    <message>
        <source>%1: the server did not answer.</source>
        <translation>%1: el servidor no respondió.</translation>
    </message>
    <message>
        <source>XMPP address</source>
        <translation>Dirección XMPP</translation>
    </message>
    <message>
        <source>you@example.org</source>
        <translation>tu@example.org</translation>
    </message>
    <message>
        <source>Your address on the server, like an e-mail address.</source>
        <translation>Tu dirección en el servidor, como una dirección de correo electrónico.</translation>
    </message>
    <message>
        <source>Device name (resource)</source>
        <translation>Nombre del dispositivo (recurso)</translation>
    </message>
    <message>
        <source>Tells your devices apart; a short random tag is added so two never collide.</source>
        <translation>Distingue tus dispositivos; se añade una etiqueta aleatoria corta para que dos nunca coincidan.</translation>
    </message>
    <message>
        <source>Server host</source>
        <translation>Host del servidor</translation>
    </message>
    <message>
        <source>Only if the server cannot be found from your address (DNS SRV).</source>
        <translation>Solo si el servidor no se puede encontrar a partir de tu dirección (DNS SRV).</translation>
    </message>
    <message>
        <source>Used with Server host.</source>
        <translation>Se usa con Host del servidor.</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Cifrado</translation>
    </message>
    <message>
        <source>auto: as the server announces; starttls or direct TLS for a given host and port.</source>
        <translation>auto: según anuncie el servidor; starttls o TLS directo para un host y puerto concretos.</translation>
    </message>
    <message>
        <source>Trusted CA certificate file</source>
        <translation>Archivo de certificado de CA de confianza</translation>
    </message>
    <message>
        <source>A PEM file with the certificate authority of a self-hosted server.</source>
        <translation>Un archivo PEM con la autoridad de certificación de un servidor autoalojado.</translation>
    </message>
    <message>
        <source>Pinned certificate fingerprint (SHA-256)</source>
        <translation>Huella del certificado fijado (SHA-256)</translation>
    </message>
    <message>
        <source>AA:BB:…</source>
        <translation>AA:BB:…</translation>
    </message>
    <message>
        <source>Trust exactly this server certificate, even if no authority vouches for it.</source>
        <translation>Confiar exactamente en este certificado del servidor, aunque ninguna autoridad lo avale.</translation>
    </message>
    <message>
        <source>A PEM certificate (with its key, or give the key below) naming your address: signs in with it (SASL EXTERNAL) instead of the password.</source>
        <translation>Un certificado PEM (con su clave, o indica la clave abajo) a nombre de tu dirección: se inicia sesión con él (SASL EXTERNAL) en lugar de con la contraseña.</translation>
    </message>
    <message>
        <source>The address must look like name@example.org.</source>
        <translation>La dirección debe tener la forma nombre@example.org.</translation>
    </message>
    <message>
        <source>The port must be between 1 and 65535.</source>
        <translation>El puerto debe estar entre 1 y 65535.</translation>
    </message>
    <message>
        <source>A port needs a server host.</source>
        <translation>Un puerto necesita un host de servidor.</translation>
    </message>
    <message>
        <source>The client certificate file does not exist.</source>
        <translation>El archivo del certificado de cliente no existe.</translation>
    </message>
    <message>
        <source>A key needs its client certificate.</source>
        <translation>Una clave necesita su certificado de cliente.</translation>
    </message>
    <message>
        <source>The key file does not exist.</source>
        <translation>El archivo de clave no existe.</translation>
    </message>
    <message>
        <source>Choose one of %1.</source>
        <translation>Elige uno de estos: %1.</translation>
    </message>
    <message>
        <source>An XMPP address is required.</source>
        <translation>La dirección XMPP es obligatoria.</translation>
    </message>
    <message>
        <source>The server could not check the password now.</source>
        <translation>El servidor no pudo comprobar la contraseña en este momento.</translation>
    </message>
    <message>
        <source>This account is disabled on the server.</source>
        <translation>Esta cuenta está desactivada en el servidor.</translation>
    </message>
    <message>
        <source>Wrong address or password.</source>
        <translation>Dirección o contraseña incorrectas.</translation>
    </message>
    <message>
        <source>The server does not serve %1.</source>
        <translation>El servidor no da servicio a %1.</translation>
    </message>
    <message>
        <source>Cannot reach the server%1.</source>
        <translation>No se puede contactar con el servidor%1.</translation>
    </message>
    <message>
        <source>The server offered an unencrypted upload address; refusing.</source>
        <translation>El servidor ofreció una dirección de subida sin cifrar; se rechaza.</translation>
    </message>
    <message>
        <source>The upload server sent a malformed answer.</source>
        <translation>El servidor de subida envió una respuesta mal formada.</translation>
    </message>
    <message>
        <source>The upload server answered %1.</source>
        <translation>El servidor de subida respondió %1.</translation>
    </message>
    <message>
        <source>Too many redirections.</source>
        <translation>Demasiadas redirecciones.</translation>
    </message>
    <message>
        <source>Only https links are downloaded.</source>
        <translation>Solo se descargan enlaces https.</translation>
    </message>
    <message>
        <source>The server sent an oversized answer.</source>
        <translation>El servidor envió una respuesta demasiado grande.</translation>
    </message>
    <message>
        <source>The server answered %1.</source>
        <translation>El servidor respondió %1.</translation>
    </message>
    <message>
        <source>The file server sent a malformed answer.</source>
        <translation>El servidor de archivos envió una respuesta mal formada.</translation>
    </message>
    <message>
        <source>The server did not answer in HTTP.</source>
        <translation>El servidor no respondió en HTTP.</translation>
    </message>
    <message>
        <source>The download ended early.</source>
        <translation>La descarga terminó antes de tiempo.</translation>
    </message>
    <message>
        <source>The file is larger than %1 MiB; not downloaded.</source>
        <translation>El archivo supera los %1 MiB; no se ha descargado.</translation>
    </message>
    <message>
        <source>The upload server&apos;s certificate does not match the pinned fingerprint.</source>
        <translation>El certificado del servidor de subida no coincide con la huella fijada.</translation>
    </message>
    <message>
        <source>The passphrase is too short: use at least %1 characters (a few unrelated words are easy to remember and hard to guess).</source>
        <translation>La frase de contraseña es demasiado corta: usa al menos %1 caracteres (unas cuantas palabras sin relación entre sí son fáciles de recordar y difíciles de adivinar).</translation>
    </message>
    <message>
        <source>The passphrase cannot begin or end with a space.</source>
        <translation>La frase de contraseña no puede empezar ni terminar con un espacio.</translation>
    </message>
    <message>
        <source>WHOIS %1</source>
        <translation>WHOIS %1</translation>
    </message>
    <message>
        <source>%1 is %2@%3 (%4)</source>
        <translation>%1 es %2@%3 (%4)</translation>
    </message>
    <message>
        <source>logged in as %1</source>
        <translation>identificado como %1</translation>
    </message>
    <message>
        <source>on %1</source>
        <comment>the channels someone is in</comment>
        <translation>en %1</translation>
    </message>
    <message>
        <source>via %1</source>
        <comment>the server someone is connected to</comment>
        <translation>a través de %1</translation>
    </message>
    <message>
        <source>away: %1</source>
        <translation>ausente: %1</translation>
    </message>
    <message>
        <source>idle %1 s</source>
        <comment>seconds since someone last spoke</comment>
        <translation>inactivo desde hace %1 s</translation>
    </message>
    <message>
        <source>using a secure connection</source>
        <translation>usa una conexión segura</translation>
    </message>
    <message>
        <source>no such nick</source>
        <translation>no existe ese apodo</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <comment>the parts of a WHOIS summary</comment>
        <translation>%1; %2</translation>
    </message>
    <message numerus="yes">
        <source>Could not save %n incoming update(s) (%1); the log says which.</source>
        <translation>
            <numerusform>No se pudo guardar %n actualización recibida (%1); el registro dice cuál.</numerusform>
            <numerusform>No se pudieron guardar %n actualizaciones recibidas (%1); el registro dice cuáles.</numerusform>
        </translation>
    </message>
    <message>
        <source>The message store of this account is damaged (%1). Incoming messages are kept in memory for now and are lost when Chinwag quits.</source>
        <translation>El almacén de mensajes de esta cuenta está dañado (%1). Los mensajes entrantes se guardan en memoria por ahora y se perderán al cerrar Chinwag.</translation>
    </message>
    <message>
        <source>Could not save incoming messages (%1). They are kept and saved as soon as the disk works again.</source>
        <translation>No se pudieron guardar los mensajes recibidos (%1). Se conservan y se guardarán en cuanto el disco vuelva a funcionar.</translation>
    </message>
    <message numerus="yes">
        <source>%n incoming update(s) dropped: too many were waiting to be saved (in %1).</source>
        <translation>
            <numerusform>%n actualización recibida descartada: demasiadas esperaban a guardarse (en %1).</numerusform>
            <numerusform>%n actualizaciones recibidas descartadas: demasiadas esperaban a guardarse (en %1).</numerusform>
        </translation>
    </message>
    <message>
        <source>Incoming messages are saved again.</source>
        <translation>Los mensajes recibidos vuelven a guardarse.</translation>
    </message>
    <message numerus="yes">
        <source>%n incoming update(s) could not be saved before the account stopped (%1); they are lost.</source>
        <translation>
            <numerusform>%n actualización entrante no se pudo guardar antes de que se detuviera la cuenta (%1); se ha perdido.</numerusform>
            <numerusform>%n actualizaciones entrantes no se pudieron guardar antes de que se detuviera la cuenta (%1); se han perdido.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reconnecting to fetch again what could not be saved.</source>
        <translation>Reconectando para volver a obtener lo que no se pudo guardar.</translation>
    </message>
    <message>
        <source>This poll has ended.</source>
        <translation>Esta encuesta ha terminado.</translation>
    </message>
    <message>
        <source>This poll does not offer that choice.</source>
        <translation>Esta encuesta no ofrece esa opción.</translation>
    </message>
    <message>
        <source>Only who started a poll can end it.</source>
        <translation>Solo quien inició una encuesta puede terminarla.</translation>
    </message>
    <message>
        <source>A poll needs a question and two answers.</source>
        <translation>Una encuesta necesita una pregunta y dos respuestas.</translation>
    </message>
    <message>
        <source>This poll is too long.</source>
        <translation>Esta encuesta es demasiado larga.</translation>
    </message>
    <message>
        <source>No such poll.</source>
        <translation>Esa encuesta no existe.</translation>
    </message>
    <message>
        <source>Could not remove the message: you are not a moderator of this room.</source>
        <translation>No se pudo eliminar el mensaje: no eres moderador de esta sala.</translation>
    </message>
    <message>
        <source>Could not remove the message: the room no longer has it.</source>
        <translation>No se pudo eliminar el mensaje: la sala ya no lo tiene.</translation>
    </message>
    <message>
        <source>Could not remove the message</source>
        <translation>No se pudo eliminar el mensaje</translation>
    </message>
    <message>
        <source>This room does not let moderators remove messages.</source>
        <translation>Esta sala no permite a los moderadores eliminar mensajes.</translation>
    </message>
    <message>
        <source>Which session?</source>
        <translation>¿Qué sesión?</translation>
    </message>
    <message>
        <source>This session is the one Chinwag uses: remove the account to sign it out.</source>
        <translation>Esta sesión es la que usa Chinwag: elimina la cuenta para cerrarla.</translation>
    </message>
    <message>
        <source>The server did not accept the password to sign those sessions out.</source>
        <translation>El servidor no aceptó la contraseña para cerrar esas sesiones.</translation>
    </message>
    <message>
        <source>The server asks to confirm in another way than with the password (single sign-on): sign those sessions out on your server&apos;s account page or in Element.</source>
        <translation>El servidor pide confirmar de otra forma que con la contraseña (inicio de sesión único): cierra esas sesiones en la página de cuenta de tu servidor o en Element.</translation>
    </message>
    <message>
        <source>The account&apos;s password is needed to sign other sessions out.</source>
        <translation>Se necesita la contraseña de la cuenta para cerrar otras sesiones.</translation>
    </message>
    <message>
        <source>The draft could not be saved.</source>
        <translation>No se pudo guardar el borrador.</translation>
    </message>
    <message>
        <source>the new account</source>
        <translation>la cuenta nueva</translation>
    </message>
    <message>
        <source>the account&apos;s changes</source>
        <translation>los cambios de la cuenta</translation>
    </message>
    <message>
        <source>that the account is on</source>
        <translation>la activación de la cuenta</translation>
    </message>
    <message>
        <source>that the account is off</source>
        <translation>la desactivación de la cuenta</translation>
    </message>
    <message>
        <source>the history to keep</source>
        <translation>el historial que se conserva</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>el disco está lleno</translation>
    </message>
    <message>
        <source>the disk could not be written (input/output error)</source>
        <translation>no se pudo escribir en el disco (error de entrada/salida)</translation>
    </message>
    <message>
        <source>the file may not be written</source>
        <translation>no se puede escribir en el archivo</translation>
    </message>
    <message>
        <source>the file is in use by another program</source>
        <translation>otro programa está usando el archivo</translation>
    </message>
    <message>
        <source>the file is damaged</source>
        <translation>el archivo está dañado</translation>
    </message>
    <message>
        <source>the file cannot be opened</source>
        <translation>no se puede abrir el archivo</translation>
    </message>
    <message>
        <source>the disk reported an error (%1)</source>
        <translation>el disco informó de un error (%1)</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>No se pudo guardar %1: %2</translation>
    </message>
    <message>
        <source>the setting</source>
        <translation>el ajuste</translation>
    </message>
</context>
<context>
    <name>DevicesDialog</name>
    <message>
        <source>Devices of {who}</source>
        <translation>Dispositivos de {who}</translation>
    </message>
    <message>
        <source>Loading devices…</source>
        <translation>Cargando dispositivos…</translation>
    </message>
    <message>
        <source>Devices status</source>
        <translation>Estado de los dispositivos</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Dispositivos</translation>
    </message>
    <message>
        <source>&amp;Verify selected device</source>
        <translation>&amp;Verificar el dispositivo seleccionado</translation>
    </message>
    <message>
        <source>Verify the selected device</source>
        <translation>Verificar el dispositivo seleccionado</translation>
    </message>
    <message>
        <source>Verify &amp;person</source>
        <translation>Verificar a la &amp;persona</translation>
    </message>
    <message>
        <source>Verify this person on all devices</source>
        <translation>Verificar a esta persona en todos sus dispositivos</translation>
    </message>
    <message>
        <source>Fingerprints &amp;match</source>
        <translation>Las huellas &amp;coinciden</translation>
    </message>
    <message>
        <source>The fingerprints match: mark the selected device as verified</source>
        <translation>Las huellas coinciden: marcar el dispositivo seleccionado como verificado</translation>
    </message>
    <message>
        <source>&amp;Distrust</source>
        <translation>&amp;Desconfiar</translation>
    </message>
    <message>
        <source>Distrust the selected device: nothing is encrypted to it any more</source>
        <translation>Desconfiar del dispositivo seleccionado: ya no se cifrará nada para él</translation>
    </message>
    <message>
        <source>&amp;Undo decision</source>
        <translation>Deshacer la dec&amp;isión</translation>
    </message>
    <message>
        <source>Take back the decision about the selected device</source>
        <translation>Retirar la decisión sobre el dispositivo seleccionado</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Huella digital</translation>
    </message>
    <message>
        <source>QR code of the selected device&apos;s fingerprint</source>
        <translation>Código QR de la huella digital del dispositivo seleccionado</translation>
    </message>
    <message>
        <source>Compare the fingerprint with the one the device shows, or scan this code.</source>
        <translation>Compara la huella digital con la que muestra el dispositivo, o escanea este código.</translation>
    </message>
    <message>
        <source>The devices could not be listed.</source>
        <translation>No se pudieron listar los dispositivos.</translation>
    </message>
    <message>
        <source>{verified} of {total} devices verified.</source>
        <translation>{verified} de {total} dispositivos verificados.</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>verificado</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>sin verificar</translation>
    </message>
    <message>
        <source>distrusted</source>
        <translation>sin confianza</translation>
    </message>
    <message>
        <source>Device {id}</source>
        <translation>Dispositivo {id}</translation>
    </message>
    <message>
        <source>this device</source>
        <translation>este dispositivo</translation>
    </message>
    <message>
        <source>Yours: {name}</source>
        <translation>Tuyo: {name}</translation>
    </message>
    <message>
        <source>{name} of {who} — {trust}</source>
        <translation>{name} de {who} — {trust}</translation>
    </message>
    <message>
        <source>Encodes the address {uri}</source>
        <translation>Codifica la dirección {uri}</translation>
    </message>
    <message>
        <source>That did not work.</source>
        <translation>No ha funcionado.</translation>
    </message>
</context>
<context>
    <name>Disclosure</name>
    <message>
        <source>expanded</source>
        <translation>desplegado</translation>
    </message>
    <message>
        <source>collapsed</source>
        <translation>plegado</translation>
    </message>
    <message>
        <source>Shows the settings most accounts never need.</source>
        <translation>Muestra los ajustes que la mayoría de las cuentas nunca necesitan.</translation>
    </message>
</context>
<context>
    <name>EmojiPicker</name>
    <message>
        <source>Insert emoji</source>
        <translation>Insertar emoji</translation>
    </message>
    <message>
        <source>Search emoji</source>
        <translation>Buscar emoji</translation>
    </message>
    <message>
        <source>Type part of a name. Down goes to the results; Enter takes the first, or with nothing typed the one used last.</source>
        <translation>Escribe parte de un nombre. Abajo va a los resultados; Intro elige el primero o, si no has escrito nada, el último usado.</translation>
    </message>
    <message>
        <source>Search emoji…</source>
        <translation>Buscar emoji…</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Borrar la búsqueda</translation>
    </message>
    <message>
        <source>&amp;Recently used</source>
        <translation>Usados &amp;recientemente</translation>
    </message>
    <message>
        <source>Recently used emoji</source>
        <translation>Emojis usados recientemente</translation>
    </message>
    <message>
        <source>&amp;All emoji</source>
        <translation>&amp;Todos los emojis</translation>
    </message>
    <message>
        <source>Emoji</source>
        <translation>Emoji</translation>
    </message>
    <message>
        <source>No emoji with that name. Enter uses the text itself.</source>
        <translation>No hay ningún emoji con ese nombre. Intro usa el propio texto.</translation>
    </message>
    <message>
        <source>No emoji with that name.</source>
        <translation>No hay ningún emoji con ese nombre.</translation>
    </message>
    <message numerus="yes">
        <source>Results (%n)</source>
        <translation>
            <numerusform>Resultados (%n)</numerusform>
            <numerusform>Resultados (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FieldRow</name>
    <message>
        <source>Problem with {label}</source>
        <translation>Problema con {label}</translation>
    </message>
    <message>
        <source>Problem: {text}</source>
        <translation>Problema: {text}</translation>
    </message>
</context>
<context>
    <name>FileField</name>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Choose a file for {label}</source>
        <translation>Elegir un archivo para {label}</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Elegir un archivo</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Welcome</source>
        <translation>Bienvenida</translation>
    </message>
    <message>
        <source>Welcome to Chinwag</source>
        <translation>Te damos la bienvenida a Chinwag</translation>
    </message>
    <message>
        <source>Chat on XMPP, Matrix and IRC from one window. Each account stays separate: its contacts and conversations are never mixed with another&apos;s.

To begin, add the account you use most. You can add more later.</source>
        <translation>Chatea en XMPP, Matrix e IRC desde una sola ventana. Cada cuenta se mantiene separada: sus contactos y conversaciones nunca se mezclan con los de otra.

Para empezar, añade la cuenta que más usas. Puedes añadir más después.</translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation>Introducción</translation>
    </message>
    <message>
        <source>Add a&amp;n account…</source>
        <translation>&amp;Añadir una cuenta…</translation>
    </message>
    <message>
        <source>Add an account</source>
        <translation>Añadir una cuenta</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>C&amp;uenta:</translation>
    </message>
    <message>
        <source>Please fill in: {fields}</source>
        <translation>Rellena: {fields}</translation>
    </message>
    <message>
        <source>Required, still empty</source>
        <translation>Obligatorio, todavía vacío</translation>
    </message>
</context>
<context>
    <name>FreedesktopNotifier</name>
    <message>
        <source>Open conversation</source>
        <translation>Abrir la conversación</translation>
    </message>
</context>
<context>
    <name>HoverBar</name>
    <message>
        <source>React</source>
        <translation>Reaccionar</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Responder</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Copiar el texto</translation>
    </message>
    <message>
        <source>Delete for everyone</source>
        <translation>Eliminar para todos</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>Más acciones</translation>
    </message>
    <message>
        <source>Message actions</source>
        <translation>Acciones del mensaje</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <source>Image: {name}</source>
        <translation>Imagen: {name}</translation>
    </message>
    <message>
        <source>Image viewer</source>
        <translation>Visor de imágenes</translation>
    </message>
    <message>
        <source>Loading the image…</source>
        <translation>Cargando la imagen…</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <source>Zoom level</source>
        <translation>Nivel de zoom</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Acercar</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>A&amp;lejar</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>&amp;Fit</source>
        <translation>A&amp;justar</translation>
    </message>
    <message>
        <source>Fit to the window</source>
        <translation>Ajustar a la ventana</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>&amp;Tamaño real</translation>
    </message>
    <message>
        <source>Show at actual size</source>
        <translation>Mostrar a tamaño real</translation>
    </message>
    <message>
        <source>&amp;Save a copy…</source>
        <translation>&amp;Guardar una copia…</translation>
    </message>
    <message>
        <source>Save a copy of the image</source>
        <translation>Guardar una copia de la imagen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>This file could not be shown as an image ({error}).</source>
        <translation>Este archivo no se pudo mostrar como imagen ({error}).</translation>
    </message>
    <message>
        <source>unknown format</source>
        <translation>formato desconocido</translation>
    </message>
    <message>
        <source>{width} × {height} pixels</source>
        <translation>{width} × {height} píxeles</translation>
    </message>
    <message>
        <source>{percent} %</source>
        <translation>{percent}&#xa0;%</translation>
    </message>
    <message>
        <source>{percent} % (fitted)</source>
        <translation>{percent}&#xa0;% (ajustado)</translation>
    </message>
    <message>
        <source>Could not save: {error}</source>
        <translation>No se pudo guardar: {error}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening your conversations…</source>
        <translation>Abriendo tus conversaciones…</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Cargando</translation>
    </message>
    <message>
        <source>Status and progress</source>
        <translation>Estado y progreso</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversaciones</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Nothing is waiting for an answer.</source>
        <translation>No hay nada pendiente de respuesta.</translation>
    </message>
    <message>
        <source>Open a room first.</source>
        <translation>Primero abre una sala.</translation>
    </message>
    <message>
        <source>Open this address in your web browser to continue: {url}</source>
        <translation>Abre esta dirección en tu navegador web para continuar: {url}</translation>
    </message>
    <message>
        <source>The plugin “{name}” could not be loaded: {reason}</source>
        <translation>No se pudo cargar el complemento «{name}»: {reason}</translation>
    </message>
    <message>
        <source>{account}: the server ended the session. Sign in again with Edit account; your messages and encryption keys are kept.</source>
        <translation>{account}: el servidor cerró la sesión. Vuelve a iniciar sesión con Editar cuenta; tus mensajes y claves de cifrado se conservan.</translation>
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
        <translation>Mensaje de voz</translation>
    </message>
    <message>
        <source>Audio: {name}</source>
        <translation>Audio: {name}</translation>
    </message>
    <message>
        <source>Video: {name}</source>
        <translation>Vídeo: {name}</translation>
    </message>
</context>
<context>
    <name>MemberListModel</name>
    <message>
        <source>owner</source>
        <translation>propietario</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>administrador</translation>
    </message>
    <message>
        <source>moderator</source>
        <translation>moderador</translation>
    </message>
    <message>
        <source>member</source>
        <translation>miembro</translation>
    </message>
    <message>
        <source>visitor</source>
        <translation>visitante</translation>
    </message>
    <message>
        <source>available</source>
        <translation>disponible</translation>
    </message>
    <message>
        <source>free to chat</source>
        <translation>libre para chatear</translation>
    </message>
    <message>
        <source>away</source>
        <translation>ausente</translation>
    </message>
    <message>
        <source>away for a while</source>
        <translation>ausente por un buen rato</translation>
    </message>
    <message>
        <source>do not disturb</source>
        <translation>no molestar</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>desconectado</translation>
    </message>
    <message>
        <source>presence unknown</source>
        <translation>presencia desconocida</translation>
    </message>
</context>
<context>
    <name>MemberPanel</name>
    <message>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <source>&amp;Remove from room</source>
        <translation>E&amp;xpulsar de la sala</translation>
    </message>
    <message>
        <source>Remove the selected member from the room</source>
        <translation>Expulsar de la sala al miembro seleccionado</translation>
    </message>
    <message>
        <source>&amp;Ban from room</source>
        <translation>Vetar de &amp;la sala</translation>
    </message>
    <message>
        <source>Ban the selected member from the room</source>
        <translation>Vetar de la sala al miembro seleccionado</translation>
    </message>
    <message>
        <source>Bloc&amp;k…</source>
        <translation>&amp;Bloquear…</translation>
    </message>
    <message>
        <source>Block the selected member</source>
        <translation>Bloquear al miembro seleccionado</translation>
    </message>
    <message numerus="yes">
        <source>Members (%n)</source>
        <translation>
            <numerusform>Miembros (%n)</numerusform>
            <numerusform>Miembros (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageActions</name>
    <message>
        <source>&amp;Reply</source>
        <translation>&amp;Responder</translation>
    </message>
    <message>
        <source>Re&amp;act</source>
        <translation>Reaccio&amp;nar</translation>
    </message>
    <message>
        <source>Other…</source>
        <translation>Otra…</translation>
    </message>
    <message>
        <source>Open &amp;thread ({count})</source>
        <translation>Abrir el &amp;hilo ({count})</translation>
    </message>
    <message>
        <source>Reply in t&amp;hread</source>
        <translation>Responder en el h&amp;ilo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Delete for everyone…</source>
        <translation>Eliminar para &amp;todos…</translation>
    </message>
    <message>
        <source>&amp;Copy text</source>
        <translation>&amp;Copiar el texto</translation>
    </message>
    <message>
        <source>Copy &amp;link to the message</source>
        <translation>Copiar en&amp;lace al mensaje</translation>
    </message>
    <message>
        <source>Say when it was &amp;sent</source>
        <translation>Decir cuán&amp;do se envió</translation>
    </message>
    <message>
        <source>Open link {url}</source>
        <translation>Abrir el enlace {url}</translation>
    </message>
    <message>
        <source>Open {name}</source>
        <translation>Abrir {name}</translation>
    </message>
    <message>
        <source>Download {name}</source>
        <translation>Descargar {name}</translation>
    </message>
    <message>
        <source>Save {name} as…</source>
        <translation>Guardar {name} como…</translation>
    </message>
    <message>
        <source>Show or hide the whole message</source>
        <translation>Mostrar u ocultar el mensaje completo</translation>
    </message>
    <message>
        <source>Re&amp;veal spoiler</source>
        <translation>Revelar el &amp;spoiler</translation>
    </message>
    <message>
        <source>&amp;Retry sending</source>
        <translation>Volver a en&amp;viar</translation>
    </message>
    <message>
        <source>Re&amp;pair encryption with {who}</source>
        <translation>Re&amp;parar el cifrado con {who}</translation>
    </message>
    <message>
        <source>&amp;Block {name}…</source>
        <translation>&amp;Bloquear a {name}…</translation>
    </message>
    <message>
        <source>React</source>
        <translation>Reaccionar</translation>
    </message>
    <message>
        <source>&amp;Recent and quick reactions</source>
        <translation>Reacciones &amp;recientes y rápidas</translation>
    </message>
    <message>
        <source>Delete message</source>
        <translation>Eliminar el mensaje</translation>
    </message>
    <message>
        <source>Delete this message for everyone in the conversation?</source>
        <translation>¿Eliminar este mensaje para todos en la conversación?</translation>
    </message>
    <message>
        <source>New encryption sessions were started. Messages sent from now on can be read; ask for the unreadable ones again.</source>
        <translation>Se iniciaron nuevas sesiones de cifrado. Los mensajes que se envíen a partir de ahora se podrán leer; vuelve a pedir los que no se pueden leer.</translation>
    </message>
    <message>
        <source>Images are never loaded</source>
        <translation>Las imágenes no se cargan nunca</translation>
    </message>
    <message>
        <source>Your privacy setting says never to load images from the network, so {name} was not downloaded. Load images when you ask for them from now on?</source>
        <translation>Tu ajuste de privacidad indica no cargar nunca imágenes de la red, así que {name} no se descargó. ¿Cargar las imágenes cuando las pidas a partir de ahora?</translation>
    </message>
    <message>
        <source>this image</source>
        <translation>esta imagen</translation>
    </message>
    <message>
        <source>&amp;Load when I ask, and get this one</source>
        <translation>&amp;Cargar cuando lo pida y obtener esta</translation>
    </message>
    <message>
        <source>&amp;Keep never loading</source>
        <translation>&amp;No cargar nunca</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>error desconocido</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Guardar el adjunto</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>Show more ({n} more characters)</source>
        <translation>Mostrar más ({n} caracteres más)</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Descargar</translation>
    </message>
    <message>
        <source>download failed: {error}</source>
        <translation>la descarga falló: {error}</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>downloading {percent}%</source>
        <translation>descargando {percent}&#xa0;%</translation>
    </message>
    <message>
        <source>downloading…</source>
        <translation>descargando…</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>editado</translation>
    </message>
    <message>
        <source>New messages</source>
        <translation>Mensajes nuevos</translation>
    </message>
    <message>
        <source>The message could not be sent.</source>
        <translation>No se pudo enviar el mensaje.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
</context>
<context>
    <name>MessageListModel</name>
    <message>
        <source>sending…</source>
        <translation>enviando…</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>enviado</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>entregado</translation>
    </message>
    <message>
        <source>read</source>
        <translation>leído</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>no enviado</translation>
    </message>
    <message>
        <source>encrypted</source>
        <translation>cifrado</translation>
    </message>
    <message>
        <source>sent from an unverified device</source>
        <translation>enviado desde un dispositivo no verificado</translation>
    </message>
    <message>
        <source>encrypted, verified</source>
        <translation>cifrado, verificado</translation>
    </message>
    <message>
        <source>waiting for the key</source>
        <translation>esperando la clave</translation>
    </message>
    <message>
        <source>could not be decrypted</source>
        <translation>no se pudo descifrar</translation>
    </message>
    <message>
        <source>not encrypted</source>
        <translation>sin cifrar</translation>
    </message>
    <message>
        <source>download failed</source>
        <translation>la descarga falló</translation>
    </message>
    <message>
        <source>downloaded</source>
        <translation>descargado</translation>
    </message>
    <message>
        <source>downloading {percent}%</source>
        <translation>descargando {percent}&#xa0;%</translation>
    </message>
    <message>
        <source>downloading</source>
        <translation>descargando</translation>
    </message>
    <message>
        <source>This message was deleted.</source>
        <translation>Este mensaje se eliminó.</translation>
    </message>
    <message>
        <source>Removed by a moderator.</source>
        <translation>Eliminado por un moderador.</translation>
    </message>
    <message>
        <source>Removed by {moderator}.</source>
        <translation>Eliminado por {moderator}.</translation>
    </message>
    <message>
        <source>Removed by {moderator}: {reason}</source>
        <translation>Eliminado por {moderator}: {reason}</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Ayer</translation>
    </message>
    <message>
        <source>In reply to an earlier message</source>
        <translation>En respuesta a un mensaje anterior</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) in thread</source>
        <translation>
            <numerusform>%n mensaje en el hilo</numerusform>
            <numerusform>%n mensajes en el hilo</numerusform>
        </translation>
    </message>
    <message>
        <source>{count}, latest from {sender}, {text}</source>
        <translation>{count}, el último de {sender}, {text}</translation>
    </message>
    <message>
        <source>{count}, latest from {sender}: {text}</source>
        <translation>{count}, el último de {sender}: {text}</translation>
    </message>
    <message>
        <source>link preview, {text}</source>
        <translation>vista previa del enlace, {text}</translation>
    </message>
    <message>
        <source>in reply to {quote}</source>
        <translation>en respuesta a {quote}</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>editado</translation>
    </message>
    <message>
        <source>attachments, {names}</source>
        <translation>adjuntos, {names}</translation>
    </message>
    <message>
        <source>reactions, {chips}</source>
        <translation>reacciones, {chips}</translation>
    </message>
</context>
<context>
    <name>MessageView</name>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
</context>
<context>
    <name>ModerationActions</name>
    <message>
        <source>Re&amp;move as moderator…</source>
        <translation>Eliminar como &amp;moderador…</translation>
    </message>
    <message>
        <source>Remove message</source>
        <translation>Eliminar mensaje</translation>
    </message>
    <message>
        <source>Remove this message for everyone in the room? Reason (optional, public):</source>
        <translation>¿Eliminar este mensaje para todos en la sala? Motivo (opcional, público):</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Eliminar</translation>
    </message>
</context>
<context>
    <name>NewRoomDialog</name>
    <message>
        <source>New room</source>
        <translation>Nueva sala</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>C&amp;uenta:</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Crear</translation>
    </message>
    <message>
        <source>Add an account first.</source>
        <translation>Primero añade una cuenta.</translation>
    </message>
    <message>
        <source>This account cannot create rooms right now (it is not connected, or its service has no rooms).</source>
        <translation>Esta cuenta no puede crear salas ahora mismo (no está conectada o su servicio no tiene salas).</translation>
    </message>
    <message>
        <source>Give the room a name or an address.</source>
        <translation>Da a la sala un nombre o una dirección.</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Creando…</translation>
    </message>
    <message>
        <source>The room could not be created.</source>
        <translation>No se pudo crear la sala.</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Notice</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>Notice text</source>
        <translation>Texto del aviso</translation>
    </message>
    <message>
        <source>Try again now</source>
        <translation>Reintentar ahora</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Dismiss notice</source>
        <translation>Quitar el aviso</translation>
    </message>
    <message>
        <source>Error: </source>
        <translation>Error: </translation>
    </message>
    <message>
        <source>Warning: </source>
        <translation>Advertencia: </translation>
    </message>
    <message>
        <source>Error, {text}</source>
        <translation>Error, {text}</translation>
    </message>
    <message>
        <source>Warning, {text}</source>
        <translation>Advertencia, {text}</translation>
    </message>
    <message numerus="yes">
        <source>(%n more)</source>
        <translation>
            <numerusform>(%n más)</numerusform>
            <numerusform>(%n más)</numerusform>
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
            <numerusform>%n mensaje nuevo</numerusform>
            <numerusform>%n mensajes nuevos</numerusform>
        </translation>
    </message>
    <message>
        <source>sent {files}</source>
        <translation>envió {files}</translation>
    </message>
</context>
<context>
    <name>PeopleActions</name>
    <message>
        <source>&amp;Chat</source>
        <translation>&amp;Conversar</translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation>&amp;Detalles…</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>Cambiar &amp;nombre…</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Quitar…</translation>
    </message>
    <message>
        <source>&amp;Block…</source>
        <translation>&amp;Bloquear…</translation>
    </message>
    <message>
        <source>&amp;Unblock</source>
        <translation>Desbloq&amp;uear</translation>
    </message>
    <message>
        <source>&amp;Add a contact…</source>
        <translation>&amp;Añadir un contacto…</translation>
    </message>
    <message>
        <source>Blocked &amp;people…</source>
        <translation>&amp;Personas bloqueadas…</translation>
    </message>
    <message>
        <source>Rename contact</source>
        <translation>Cambiar el nombre del contacto</translation>
    </message>
    <message>
        <source>Name for {address}:</source>
        <translation>Nombre para {address}:</translation>
    </message>
    <message>
        <source>Remove contact</source>
        <translation>Quitar el contacto</translation>
    </message>
    <message>
        <source>Remove {name} from your contacts? You will no longer see each other&apos;s status.</source>
        <translation>¿Quitar a {name} de tus contactos? Ninguno de los dos verá ya el estado del otro.</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <source>Block {name}? You will not get their messages, invitations or requests any more, and they are not told.</source>
        <translation>¿Bloquear a {name}? Dejarás de recibir sus mensajes, invitaciones y solicitudes, y no se le avisará.</translation>
    </message>
    <message>
        <source>&amp;Block</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <source>{who} is blocked.</source>
        <translation>{who} está bloqueado.</translation>
    </message>
    <message>
        <source>{who} is no longer blocked.</source>
        <translation>{who} ya no está bloqueado.</translation>
    </message>
    <message>
        <source>That did not work.</source>
        <translation>No ha funcionado.</translation>
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
        <translation>de {first} y {second}</translation>
    </message>
    <message numerus="yes">
        <source>from {first} and %n other(s)</source>
        <translation>
            <numerusform>de {first} y %n persona más</numerusform>
            <numerusform>de {first} y %n personas más</numerusform>
        </translation>
    </message>
    <message>
        <source>{conversation} on {account}</source>
        <translation>{conversation} en {account}</translation>
    </message>
    <message>
        <source>{sender} on {account}</source>
        <translation>{sender} en {account}</translation>
    </message>
    <message numerus="yes">
        <source>%n new private message(s) from {sender}</source>
        <translation>
            <numerusform>%n mensaje privado nuevo de {sender}</numerusform>
            <numerusform>%n mensajes privados nuevos de {sender}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s) in {conversation}</source>
        <translation>
            <numerusform>%n mensaje nuevo en {conversation}</numerusform>
            <numerusform>%n mensajes nuevos en {conversation}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mentioning you</source>
        <translation>
            <numerusform>%n te menciona</numerusform>
            <numerusform>%n te mencionan</numerusform>
        </translation>
    </message>
    <message>
        <source>Private message from {sender}, {text}</source>
        <translation>Mensaje privado de {sender}, {text}</translation>
    </message>
    <message>
        <source>{sender}, {text}</source>
        <translation>{sender}, {text}</translation>
    </message>
    <message>
        <source>{sender} mentioned you in {conversation}, {text}</source>
        <translation>{sender} te mencionó en {conversation}, {text}</translation>
    </message>
    <message>
        <source>{sender} in {conversation}, {text}</source>
        <translation>{sender} en {conversation}, {text}</translation>
    </message>
</context>
<context>
    <name>PollActions</name>
    <message>
        <source>&amp;Vote</source>
        <translation>V&amp;otar</translation>
    </message>
    <message>
        <source>&amp;Take my vote back</source>
        <translation>&amp;Retirar mi voto</translation>
    </message>
    <message>
        <source>E&amp;nd poll</source>
        <translation>Terminar la encuest&amp;a</translation>
    </message>
</context>
<context>
    <name>PollDialog</name>
    <message>
        <source>Start a poll</source>
        <translation>Iniciar una encuesta</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>Answers, one a line</source>
        <translation>Respuestas, una por línea</translation>
    </message>
    <message>
        <source>Show the &amp;results while the poll is open</source>
        <translation>Mostrar los resultados &amp;mientras la encuesta está abierta</translation>
    </message>
    <message>
        <source>Answers one may choose</source>
        <translation>Respuestas que se pueden elegir</translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation>&amp;Pregunta:</translation>
    </message>
    <message>
        <source>&amp;Answers (one a line):</source>
        <translation>&amp;Respuestas (una por línea):</translation>
    </message>
    <message>
        <source>Answers one may &amp;choose:</source>
        <translation>Respuestas que se pueden &amp;elegir:</translation>
    </message>
    <message>
        <source>&amp;Start poll</source>
        <translation>&amp;Iniciar la encuesta</translation>
    </message>
    <message>
        <source>Write the question.</source>
        <translation>Escriba la pregunta.</translation>
    </message>
    <message>
        <source>Write between 2 and {most} answers, one a line.</source>
        <translation>Escriba entre 2 y {most} respuestas, una por línea.</translation>
    </message>
</context>
<context>
    <name>PollView</name>
    <message numerus="yes">
        <source>%n vote(s)</source>
        <translation>
            <numerusform>%n voto</numerusform>
            <numerusform>%n votos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n voter(s)</source>
        <translation>
            <numerusform>%n votante</numerusform>
            <numerusform>%n votantes</numerusform>
        </translation>
    </message>
    <message>
        <source>Poll ended, {voters}</source>
        <translation>Encuesta terminada, {voters}</translation>
    </message>
    <message>
        <source>Results will be shown when the poll ends</source>
        <translation>Los resultados se mostrarán cuando termine la encuesta</translation>
    </message>
    <message>
        <source>Poll: {question}</source>
        <translation>Encuesta: {question}</translation>
    </message>
    <message>
        <source>your choice</source>
        <translation>su elección</translation>
    </message>
    <message>
        <source>Choose up to {n} answers</source>
        <translation>Elija hasta {n} respuestas</translation>
    </message>
    <message>
        <source>Poll, {question}</source>
        <translation>Encuesta, {question}</translation>
    </message>
</context>
<context>
    <name>PresenceWords</name>
    <message>
        <source>active just now</source>
        <translation>activo hace un momento</translation>
    </message>
    <message numerus="yes">
        <source>last seen %n minute(s) ago</source>
        <translation>
            <numerusform>visto por última vez hace %n minuto</numerusform>
            <numerusform>visto por última vez hace %n minutos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>last seen %n hour(s) ago</source>
        <translation>
            <numerusform>visto por última vez hace %n hora</numerusform>
            <numerusform>visto por última vez hace %n horas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>last seen %n day(s) ago</source>
        <translation>
            <numerusform>visto por última vez hace %n día</numerusform>
            <numerusform>visto por última vez hace %n días</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemLabel</name>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
</context>
<context>
    <name>ProgressLine</name>
    <message>
        <source>{account}: {label} done</source>
        <translation>{account}: {label} terminado</translation>
    </message>
    <message>
        <source>{account}: {label} {done} of {total}</source>
        <translation>{account}: {label} {done} de {total}</translation>
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
        <translation>Ir a la conversación</translation>
    </message>
    <message>
        <source>{name}, direct</source>
        <translation>{name}, directa</translation>
    </message>
    <message>
        <source>{name}, {account}</source>
        <translation>{name}, {account}</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n sin leer</numerusform>
            <numerusform>%n sin leer</numerusform>
        </translation>
    </message>
    <message>
        <source>Conversation name</source>
        <translation>Nombre de la conversación</translation>
    </message>
    <message>
        <source>Type part of a name…</source>
        <translation>Escribe parte de un nombre…</translation>
    </message>
    <message>
        <source>Matching conversations</source>
        <translation>Conversaciones que coinciden</translation>
    </message>
    <message>
        <source>&amp;Go to:</source>
        <translation>&amp;Ir a:</translation>
    </message>
    <message numerus="yes">
        <source>%n conversation(s) found, first {entry}</source>
        <translation>
            <numerusform>%n conversación encontrada, la primera {entry}</numerusform>
            <numerusform>%n conversaciones encontradas, la primera {entry}</numerusform>
        </translation>
    </message>
    <message>
        <source>No conversation found</source>
        <translation>No se encontró ninguna conversación</translation>
    </message>
</context>
<context>
    <name>RequestsPanel</name>
    <message>
        <source>Requests waiting for you</source>
        <translation>Solicitudes pendientes</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Solicitudes</translation>
    </message>
    <message>
        <source>{who} ({address}) wants to add you as a contact on {account}.</source>
        <translation>{who} ({address}) quiere añadirte como contacto en {account}.</translation>
    </message>
    <message>
        <source>They wrote: {message}</source>
        <translation>Mensaje: {message}</translation>
    </message>
    <message>
        <source>{who} wants to verify your device on {account}, to trust each other&apos;s encrypted messages.</source>
        <translation>{who} quiere verificar tu dispositivo en {account}, para que ambos confíen en los mensajes cifrados del otro.</translation>
    </message>
    <message>
        <source>{who} wants to send you a file on {account}: {name}</source>
        <translation>{who} quiere enviarte un archivo en {account}: {name}</translation>
    </message>
    <message>
        <source>Accept files from this person?</source>
        <translation>¿Aceptar archivos de esta persona?</translation>
    </message>
    <message>
        <source>{inviter} invites you to {room} on {account}.</source>
        <translation>{inviter} te invita a {room} en {account}.</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>Accept: {text}</source>
        <translation>Aceptar: {text}</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <source>Block: {text}</source>
        <translation>Bloquear: {text}</translation>
    </message>
    <message>
        <source>Say no and block this person: nothing more from them.</source>
        <translation>Rechazar y bloquear a esta persona: nada más de ella.</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Rechazar</translation>
    </message>
    <message>
        <source>Decline: {text}</source>
        <translation>Rechazar: {text}</translation>
    </message>
    <message numerus="yes">
        <source>Requests (%n)</source>
        <translation>
            <numerusform>Solicitudes (%n)</numerusform>
            <numerusform>Solicitudes (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoomDirectoryDialog</name>
    <message>
        <source>Browse rooms</source>
        <translation>Explorar salas</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Search rooms</source>
        <translation>Buscar salas</translation>
    </message>
    <message>
        <source>Name or topic…</source>
        <translation>Nombre o tema…</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Borrar la búsqueda</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>C&amp;uenta:</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>Estado de la búsqueda</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Salas</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>U&amp;nirse</translation>
    </message>
    <message>
        <source>Looking for accounts with a room directory…</source>
        <translation>Buscando cuentas con un directorio de salas…</translation>
    </message>
    <message>
        <source>None of your connected accounts has a room directory to browse.</source>
        <translation>Ninguna de tus cuentas conectadas tiene un directorio de salas que explorar.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>The room list could not be fetched.</source>
        <translation>No se pudo obtener la lista de salas.</translation>
    </message>
    <message numerus="yes">
        <source>%n room(s)</source>
        <translation>
            <numerusform>%n sala</numerusform>
            <numerusform>%n salas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoomListModel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message numerus="yes">
        <source>{name}, %n member(s)</source>
        <translation>
            <numerusform>{name}, %n miembro</numerusform>
            <numerusform>{name}, %n miembros</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoomOptionsForm</name>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>Room name</source>
        <translation>Nombre de la sala</translation>
    </message>
    <message>
        <source>Add&amp;ress:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <source>Room address (optional)</source>
        <translation>Dirección de la sala (opcional)</translation>
    </message>
    <message>
        <source>Chosen from the name when left empty</source>
        <translation>Se toma del nombre si se deja vacía</translation>
    </message>
    <message>
        <source>&amp;Topic:</source>
        <translation>&amp;Tema:</translation>
    </message>
    <message>
        <source>Topic or description</source>
        <translation>Tema o descripción</translation>
    </message>
    <message>
        <source>Who can join</source>
        <translation>Quién puede unirse</translation>
    </message>
    <message>
        <source>&amp;Who can join:</source>
        <translation>&amp;Quién puede unirse:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Contra&amp;seña:</translation>
    </message>
    <message>
        <source>Room password (optional)</source>
        <translation>Contraseña de la sala (opcional)</translation>
    </message>
    <message>
        <source>&amp;Keep the room when everyone has left</source>
        <translation>&amp;Mantener la sala cuando todos se hayan ido</translation>
    </message>
    <message>
        <source>&amp;Moderated: only people given a voice may write</source>
        <translation>M&amp;oderada: solo pueden escribir las personas con voz</translation>
    </message>
    <message>
        <source>&amp;End-to-end encrypted</source>
        <translation>Cifrada de e&amp;xtremo a extremo</translation>
    </message>
    <message>
        <source>&amp;Invite:</source>
        <translation>&amp;Invitar:</translation>
    </message>
    <message>
        <source>People to invite, separated by commas</source>
        <translation>Personas a las que invitar, separadas por comas</translation>
    </message>
    <message>
        <source>Addresses, separated by commas</source>
        <translation>Direcciones, separadas por comas</translation>
    </message>
    <message>
        <source>Anyone: listed in the room directory</source>
        <translation>Cualquiera: aparece en el directorio de salas</translation>
    </message>
    <message>
        <source>Anyone who knows the address</source>
        <translation>Cualquiera que conozca la dirección</translation>
    </message>
    <message>
        <source>Only people who are invited</source>
        <translation>Solo las personas invitadas</translation>
    </message>
    <message>
        <source>Invited people; others may ask to join</source>
        <translation>Las personas invitadas; los demás pueden pedir unirse</translation>
    </message>
</context>
<context>
    <name>RoomSettingsDialog</name>
    <message>
        <source>Settings of {room}</source>
        <translation>Ajustes de {room}</translation>
    </message>
    <message>
        <source>Room settings</source>
        <translation>Ajustes de la sala</translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation>Guardar los &amp;cambios</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Guardar los cambios</translation>
    </message>
    <message>
        <source>C&amp;lose the room for everyone…</source>
        <translation>C&amp;errar la sala para todos…</translation>
    </message>
    <message>
        <source>Close the room for everyone</source>
        <translation>Cerrar la sala para todos</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;General</translation>
    </message>
    <message>
        <source>People in the room</source>
        <translation>Personas en la sala</translation>
    </message>
    <message>
        <source>Role to give</source>
        <translation>Rol que asignar</translation>
    </message>
    <message>
        <source>Gi&amp;ve role</source>
        <translation>&amp;Asignar el rol</translation>
    </message>
    <message>
        <source>Give the chosen role to the selected person</source>
        <translation>Asignar el rol elegido a la persona seleccionada</translation>
    </message>
    <message>
        <source>&amp;People:</source>
        <translation>&amp;Personas:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rol:</translation>
    </message>
    <message>
        <source>Pe&amp;ople and roles</source>
        <translation>Pers&amp;onas y roles</translation>
    </message>
    <message>
        <source>Banned</source>
        <translation>Vetados</translation>
    </message>
    <message>
        <source>Address or mask to ban</source>
        <translation>Dirección o máscara que vetar</translation>
    </message>
    <message>
        <source>An address, or a mask such as *!*@spam.example</source>
        <translation>Una dirección o una máscara como *!*@spam.example</translation>
    </message>
    <message>
        <source>&amp;Ban</source>
        <translation>&amp;Vetar</translation>
    </message>
    <message>
        <source>Ban this address or mask</source>
        <translation>Vetar esta dirección o máscara</translation>
    </message>
    <message>
        <source>Lift the ba&amp;n</source>
        <translation>Levantar el ve&amp;to</translation>
    </message>
    <message>
        <source>Lift the selected ban</source>
        <translation>Levantar el veto seleccionado</translation>
    </message>
    <message>
        <source>Banned from the room:</source>
        <translation>Vetados de la sala:</translation>
    </message>
    <message>
        <source>&amp;Address or mask:</source>
        <translation>&amp;Dirección o máscara:</translation>
    </message>
    <message>
        <source>&amp;Bans</source>
        <translation>&amp;Vetos</translation>
    </message>
    <message>
        <source>Reading the room&apos;s settings…</source>
        <translation>Leyendo los ajustes de la sala…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>The settings could not be read.</source>
        <translation>No se pudieron leer los ajustes.</translation>
    </message>
    <message>
        <source>You may change this room&apos;s settings.</source>
        <translation>Puedes cambiar los ajustes de esta sala.</translation>
    </message>
    <message>
        <source>Only the room&apos;s owners may change its settings.</source>
        <translation>Solo los propietarios de la sala pueden cambiar sus ajustes.</translation>
    </message>
    <message>
        <source>(by {who})</source>
        <translation>(por {who})</translation>
    </message>
    <message>
        <source>Nobody is banned.</source>
        <translation>No hay nadie vetado.</translation>
    </message>
    <message>
        <source>The room&apos;s settings were saved.</source>
        <translation>Se guardaron los ajustes de la sala.</translation>
    </message>
    <message>
        <source>Choose a person in the list first.</source>
        <translation>Primero elige a una persona de la lista.</translation>
    </message>
    <message>
        <source>{who} is now {role}.</source>
        <translation>{who} ahora es {role}.</translation>
    </message>
    <message>
        <source>Type an address or a mask to ban.</source>
        <translation>Escribe una dirección o una máscara que vetar.</translation>
    </message>
    <message>
        <source>{who} is banned.</source>
        <translation>{who} está vetado.</translation>
    </message>
    <message>
        <source>Choose a ban in the list first.</source>
        <translation>Primero elige un veto de la lista.</translation>
    </message>
    <message>
        <source>The ban on {who} was lifted.</source>
        <translation>Se levantó el veto a {who}.</translation>
    </message>
    <message>
        <source>Close the room</source>
        <translation>Cerrar la sala</translation>
    </message>
    <message>
        <source>Close this room for everyone? Everybody in it is removed, and it cannot be joined again.</source>
        <translation>¿Cerrar esta sala para todos? Se expulsará a todos los que estén en ella y nadie podrá volver a unirse.</translation>
    </message>
    <message>
        <source>Close the &amp;room</source>
        <translation>Cerrar la &amp;sala</translation>
    </message>
    <message>
        <source>The room was closed.</source>
        <translation>La sala se cerró.</translation>
    </message>
    <message>
        <source>That did not work.</source>
        <translation>No ha funcionado.</translation>
    </message>
</context>
<context>
    <name>ScreenReaderOffer</name>
    <message>
        <source>Screen-reader mode</source>
        <translation>Modo de lector de pantalla</translation>
    </message>
    <message>
        <source>A screen reader is running. Chinwag has a mode for it: the keyboard starts in the conversation list, message times are read only when you ask (Ctrl+T), and nothing is animated. You can change this later in Settings.</source>
        <translation>Hay un lector de pantalla en marcha. Chinwag tiene un modo para él: el teclado empieza en la lista de conversaciones, la hora de los mensajes solo se lee cuando la pides (Ctrl+T) y no hay animaciones. Puedes cambiarlo después en Ajustes.</translation>
    </message>
    <message>
        <source>&amp;Turn on screen-reader mode</source>
        <translation>&amp;Activar el modo de lector de pantalla</translation>
    </message>
    <message>
        <source>Turn on screen-reader mode</source>
        <translation>Activar el modo de lector de pantalla</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>Ahora &amp;no</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Ahora no</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Search all accounts</source>
        <translation>Buscar en todas las cuentas</translation>
    </message>
    <message>
        <source>Search in {name}</source>
        <translation>Buscar en {name}</translation>
    </message>
    <message>
        <source>Search for</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Words to find…</source>
        <translation>Palabras que buscar…</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Borrar la búsqueda</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>Estado de la búsqueda</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>The search failed.</source>
        <translation>La búsqueda falló.</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n resultado</numerusform>
            <numerusform>%n resultados</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>{sender} in {where}, {account}, {when}. {body}</source>
        <translation>{sender} en {where}, {account}, {when}. {body}</translation>
    </message>
</context>
<context>
    <name>SecureStorageDialog</name>
    <message>
        <source>Set up secure storage</source>
        <translation>Configurar el almacenamiento seguro</translation>
    </message>
    <message>
        <source>Secure storage keeps your cross-signing keys and the key of your message backup on the server, encrypted. A new device (Chinwag, Element or another app) opens it to read your old encrypted messages and to take over your verified identity.</source>
        <translation>El almacenamiento seguro guarda en el servidor, cifradas, tus claves de firma cruzada y la clave de la copia de seguridad de tus mensajes. Un dispositivo nuevo (Chinwag, Element u otra aplicación) lo abre para leer tus mensajes cifrados antiguos y asumir tu identidad verificada.</translation>
    </message>
    <message>
        <source>How do you want to open it?</source>
        <translation>¿Cómo quieres abrirlo?</translation>
    </message>
    <message>
        <source>&amp;Generate a recovery key</source>
        <translation>&amp;Generar una clave de recuperación</translation>
    </message>
    <message>
        <source>Generate a recovery key</source>
        <translation>Generar una clave de recuperación</translation>
    </message>
    <message>
        <source>Recommended: a key to keep in a password manager</source>
        <translation>Recomendado: una clave para guardar en un gestor de contraseñas</translation>
    </message>
    <message>
        <source>&amp;Use a passphrase</source>
        <translation>&amp;Usar una frase de contraseña</translation>
    </message>
    <message>
        <source>Use a passphrase</source>
        <translation>Usar una frase de contraseña</translation>
    </message>
    <message>
        <source>A recovery key is made as well, in case you forget the passphrase</source>
        <translation>También se crea una clave de recuperación, por si olvidas la frase de contraseña</translation>
    </message>
    <message>
        <source>At least {count} characters.</source>
        <translation>Al menos {count} caracteres.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Repeat passphrase</source>
        <translation>Repetir la frase de contraseña</translation>
    </message>
    <message>
        <source>P&amp;assphrase:</source>
        <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
        <source>&amp;Repeat passphrase:</source>
        <translation>&amp;Repetir la frase de contraseña:</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>&amp;Set up</source>
        <translation>&amp;Configurar</translation>
    </message>
    <message>
        <source>Setting up secure storage; deriving a key from a passphrase takes a moment…</source>
        <translation>Configurando el almacenamiento seguro; derivar una clave de una frase de contraseña lleva un momento…</translation>
    </message>
    <message>
        <source>Setting up secure storage…</source>
        <translation>Configurando el almacenamiento seguro…</translation>
    </message>
    <message>
        <source>The two passphrases differ: type the same passphrase in both fields.</source>
        <translation>Las dos frases de contraseña no coinciden: escribe la misma frase en los dos campos.</translation>
    </message>
    <message>
        <source>Secure storage could not be set up.</source>
        <translation>No se pudo configurar el almacenamiento seguro.</translation>
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
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Seguir al sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Alto contraste</translation>
    </message>
    <message>
        <source>Text size in percent</source>
        <translation>Tamaño del texto en porcentaje</translation>
    </message>
    <message>
        <source>Show desktop notifications</source>
        <translation>Mostrar notificaciones de escritorio</translation>
    </message>
    <message>
        <source>Words that count as a mention</source>
        <translation>Palabras que cuentan como mención</translation>
    </message>
    <message>
        <source>Separated by commas. A message holding one of them as a word counts as mentioning you, like your name: it is highlighted and notifies you.</source>
        <translation>Separadas por comas. Un mensaje que contiene una de ellas como palabra cuenta como una mención, igual que tu nombre: se resalta y te avisa.</translation>
    </message>
    <message>
        <source>e.g. release, Chinwag</source>
        <translation>p. ej. versión, Chinwag</translation>
    </message>
    <message>
        <source>Keep running in the background when the window is closed</source>
        <translation>Seguir en segundo plano al cerrar la ventana</translation>
    </message>
    <message>
        <source>This desktop has no system tray, so closing the window quits Chinwag.</source>
        <translation>Este escritorio no tiene bandeja del sistema, así que cerrar la ventana cierra Chinwag.</translation>
    </message>
    <message>
        <source>Check spelling while I type</source>
        <translation>Revisar la ortografía mientras escribo</translation>
    </message>
    <message>
        <source>Load images from the network</source>
        <translation>Cargar imágenes de la red</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source>When I ask</source>
        <translation>Cuando lo pida</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>Siempre</translation>
    </message>
    <message>
        <source>Let others see when I am typing</source>
        <translation>Dejar que los demás vean cuándo escribo</translation>
    </message>
    <message>
        <source>Send read receipts</source>
        <translation>Enviar confirmaciones de lectura</translation>
    </message>
    <message>
        <source>Accept new private conversations only from contacts</source>
        <translation>Aceptar conversaciones privadas nuevas solo de contactos</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apariencia</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Tema:</translation>
    </message>
    <message>
        <source>Text si&amp;ze:</source>
        <translation>Tama&amp;ño del texto:</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacidad</translation>
    </message>
    <message>
        <source>&amp;Images:</source>
        <translation>&amp;Imágenes:</translation>
    </message>
    <message>
        <source>Show previews of web links</source>
        <translation>Mostrar vistas previas de los enlaces web</translation>
    </message>
    <message>
        <source>Your server fetches each linked page for you (the site never sees your address). Never in end-to-end encrypted conversations.</source>
        <translation>Tu servidor obtiene cada página enlazada por ti (el sitio nunca ve tu dirección). Nunca en conversaciones cifradas de extremo a extremo.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Also &amp;mention me for:</source>
        <translation>&amp;Mencionarme también por:</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Páginas de ajustes</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;General</translation>
    </message>
    <message>
        <source>A&amp;ccessibility</source>
        <translation>A&amp;ccesibilidad</translation>
    </message>
    <message>
        <source>Start Chinwag when I log in</source>
        <translation>Iniciar Chinwag al iniciar sesión</translation>
    </message>
    <message>
        <source>Chinwag starts with its window hidden in the system tray, where there is one.</source>
        <translation>Chinwag se inicia con la ventana oculta en la bandeja del sistema, si la hay.</translation>
    </message>
    <message>
        <source>Could not change the start at login: {error}</source>
        <translation>No se pudo cambiar el inicio al iniciar sesión: {error}</translation>
    </message>
    <message>
        <source>That did not work.</source>
        <translation>No ha funcionado.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>go to a conversation by name</source>
        <translation>ir a una conversación por su nombre</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>activity of every account, mentions and requests</source>
        <translation>actividad de todas las cuentas, menciones y solicitudes</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>quit (closing the window may keep Chinwag in the tray)</source>
        <translation>salir (cerrar la ventana puede dejar Chinwag en la bandeja)</translation>
    </message>
    <message>
        <source>F6, Shift+F6</source>
        <translation>F6, Mayús+F6</translation>
    </message>
    <message>
        <source>next or previous region</source>
        <translation>región siguiente o anterior</translation>
    </message>
    <message>
        <source>Alt+Up, Alt+Down</source>
        <translation>Alt+Arriba, Alt+Abajo</translation>
    </message>
    <message>
        <source>previous or next conversation</source>
        <translation>conversación anterior o siguiente</translation>
    </message>
    <message>
        <source>Alt+Shift+Up, Alt+Shift+Down</source>
        <translation>Alt+Mayús+Arriba, Alt+Mayús+Abajo</translation>
    </message>
    <message>
        <source>previous or next unread</source>
        <translation>anterior o siguiente sin leer</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>write a message</source>
        <translation>escribir un mensaje</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Intro</translation>
    </message>
    <message>
        <source>in the message field, send</source>
        <translation>en el campo de mensaje, enviar</translation>
    </message>
    <message>
        <source>Shift+Enter</source>
        <translation>Mayús+Intro</translation>
    </message>
    <message>
        <source>in the message field, a new line</source>
        <translation>en el campo de mensaje, una línea nueva</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Arriba</translation>
    </message>
    <message>
        <source>in an empty message field, edit your last message</source>
        <translation>en un campo de mensaje vacío, editar tu último mensaje</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>in the message field, complete a name</source>
        <translation>en el campo de mensaje, completar un nombre</translation>
    </message>
    <message>
        <source>Ctrl+;</source>
        <translation>Ctrl+;</translation>
    </message>
    <message>
        <source>in the message field, insert an emoji</source>
        <translation>en el campo de mensaje, insertar un emoji</translation>
    </message>
    <message>
        <source>in the message field, spelling suggestions and language</source>
        <translation>en el campo de mensaje, sugerencias de ortografía e idioma</translation>
    </message>
    <message>
        <source>Escape</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>from the message field, to the messages</source>
        <translation>del campo de mensaje, a los mensajes</translation>
    </message>
    <message>
        <source>Up, Down</source>
        <translation>Arriba, Abajo</translation>
    </message>
    <message>
        <source>in the messages, one message at a time</source>
        <translation>en los mensajes, de uno en uno</translation>
    </message>
    <message>
        <source>Home, End</source>
        <translation>Inicio, Fin</translation>
    </message>
    <message>
        <source>in the messages, the first loaded and the newest</source>
        <translation>en los mensajes, el primero cargado y el más reciente</translation>
    </message>
    <message>
        <source>on a message, open its attachment or link</source>
        <translation>en un mensaje, abrir su adjunto o enlace</translation>
    </message>
    <message>
        <source>Menu key, Shift+F10</source>
        <translation>Tecla de menú, Mayús+F10</translation>
    </message>
    <message>
        <source>on a message, all it offers</source>
        <translation>en un mensaje, todas sus acciones</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>on a message, reply</source>
        <translation>en un mensaje, responder</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Mayús+R</translation>
    </message>
    <message>
        <source>on a message, react</source>
        <translation>en un mensaje, reaccionar</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>on your message, edit</source>
        <translation>en tu mensaje, editar</translation>
    </message>
    <message>
        <source>Ctrl+C</source>
        <translation>Ctrl+C</translation>
    </message>
    <message>
        <source>on a message, copy its text</source>
        <translation>en un mensaje, copiar su texto</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supr</translation>
    </message>
    <message>
        <source>on your message, delete it for everyone</source>
        <translation>en tu mensaje, eliminarlo para todos</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>on a message, say when it was sent</source>
        <translation>en un mensaje, decir cuándo se envió</translation>
    </message>
    <message>
        <source>Ctrl+End</source>
        <translation>Ctrl+Fin</translation>
    </message>
    <message>
        <source>jump to the latest messages</source>
        <translation>ir a los mensajes más recientes</translation>
    </message>
    <message>
        <source>Ctrl+F, Ctrl+Shift+F</source>
        <translation>Ctrl+F, Ctrl+Mayús+F</translation>
    </message>
    <message>
        <source>search here, search everywhere</source>
        <translation>buscar aquí, buscar en todas partes</translation>
    </message>
    <message>
        <source>{keys}, {what}</source>
        <translation>{keys}, {what}</translation>
    </message>
    <message>
        <source>&amp;Keys:</source>
        <translation>&amp;Teclas:</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Filter conversations</source>
        <translation>Filtrar conversaciones</translation>
    </message>
    <message>
        <source>Down goes to the list</source>
        <translation>Abajo va a la lista</translation>
    </message>
    <message>
        <source>Filter conversations…</source>
        <translation>Filtrar conversaciones…</translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>Borrar el filtro</translation>
    </message>
    <message>
        <source>Accounts and conversations</source>
        <translation>Cuentas y conversaciones</translation>
    </message>
    <message>
        <source>Co&amp;nversations</source>
        <translation>Conver&amp;saciones</translation>
    </message>
</context>
<context>
    <name>SidebarDelegate</name>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
</context>
<context>
    <name>SidebarModel</name>
    <message>
        <source>disabled</source>
        <translation>desactivada</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>desconectada</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>conectando…</translation>
    </message>
    <message>
        <source>online</source>
        <translation>conectada</translation>
    </message>
    <message>
        <source>reconnecting…</source>
        <translation>reconectando…</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation>requiere atención</translation>
    </message>
    <message>
        <source>Draft: {text}</source>
        <translation>Borrador: {text}</translation>
    </message>
    <message>
        <source>group</source>
        <translation>de grupo</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>directa</translation>
    </message>
    <message>
        <source>{kind} conversation on {service}, account {account}</source>
        <translation>conversación {kind} en {service}, cuenta {account}</translation>
    </message>
    <message>
        <source>{name}, {service} account at {server}, {state}</source>
        <translation>{name}, cuenta de {service} en {server}, {state}</translation>
    </message>
    <message>
        <source>{name}, {service} account, {state}</source>
        <translation>{name}, cuenta de {service}, {state}</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n sin leer</numerusform>
            <numerusform>%n sin leer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mentioning you</source>
        <translation>
            <numerusform>%n te menciona</numerusform>
            <numerusform>%n te mencionan</numerusform>
        </translation>
    </message>
    <message>
        <source>unsent draft</source>
        <translation>borrador sin enviar</translation>
    </message>
</context>
<context>
    <name>SignUpPage</name>
    <message>
        <source>What the server asks</source>
        <translation>Lo que pide el servidor</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Read it</source>
        <translation>Leerlo</translation>
    </message>
    <message>
        <source>Read: {label}</source>
        <translation>Leer: {label}</translation>
    </message>
    <message>
        <source>Open the server&apos;s page in the browser</source>
        <translation>Abrir la página del servidor en el navegador</translation>
    </message>
</context>
<context>
    <name>SignedInDialog</name>
    <message>
        <source>Sessions of {account}</source>
        <translation>Sesiones de {account}</translation>
    </message>
    <message>
        <source>Sessions where this account is signed in</source>
        <translation>Sesiones donde esta cuenta ha iniciado sesión</translation>
    </message>
    <message>
        <source>&amp;Signed in on:</source>
        <translation>&amp;Sesión iniciada en:</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Renombrar…</translation>
    </message>
    <message>
        <source>Rename the selected session</source>
        <translation>Renombrar la sesión seleccionada</translation>
    </message>
    <message>
        <source>Sign &amp;out…</source>
        <translation>Cerrar s&amp;esión…</translation>
    </message>
    <message>
        <source>Sign out the selected sessions</source>
        <translation>Cerrar las sesiones seleccionadas</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>Refresh the list of sessions</source>
        <translation>Actualizar la lista de sesiones</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Unnamed session</source>
        <translation>Sesión sin nombre</translation>
    </message>
    <message>
        <source>{name} (this session)</source>
        <translation>{name} (esta sesión)</translation>
    </message>
    <message>
        <source>last seen {when}</source>
        <translation>vista por última vez {when}</translation>
    </message>
    <message>
        <source>from {address}</source>
        <translation>desde {address}</translation>
    </message>
    <message>
        <source>Choose one session to rename.</source>
        <translation>Elige una sesión para renombrarla.</translation>
    </message>
    <message>
        <source>Rename session</source>
        <translation>Renombrar sesión</translation>
    </message>
    <message>
        <source>Name of this session, as your other apps list it:</source>
        <translation>Nombre de esta sesión, tal como la muestran tus otras apps:</translation>
    </message>
    <message>
        <source>Choose other sessions than this one: removing the account signs it out.</source>
        <translation>Elige otras sesiones distintas de esta: eliminar la cuenta la cierra.</translation>
    </message>
    <message>
        <source>Sign out sessions</source>
        <translation>Cerrar sesiones</translation>
    </message>
    <message numerus="yes">
        <source>Sign out %n session(s)? They can no longer read or send messages until they sign in again; encrypted messages they alone hold the keys to are lost to them.</source>
        <translation>
            <numerusform>¿Cerrar %n sesión? No podrá leer ni enviar mensajes hasta volver a iniciar sesión; los mensajes cifrados cuyas claves solo tiene ella se perderán para ella.</numerusform>
            <numerusform>¿Cerrar %n sesiones? No podrán leer ni enviar mensajes hasta volver a iniciar sesión; los mensajes cifrados cuyas claves solo tienen ellas se perderán para ellas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Cerrar sesión</translation>
    </message>
</context>
<context>
    <name>SpaceFilter</name>
    <message>
        <source>Space</source>
        <translation>Espacio</translation>
    </message>
    <message>
        <source>Shows only the conversations of one space and its sub-spaces.</source>
        <translation>Muestra solo las conversaciones de un espacio y sus subespacios.</translation>
    </message>
    <message>
        <source>Rooms…</source>
        <translation>Salas…</translation>
    </message>
    <message>
        <source>Rooms in this space</source>
        <translation>Salas de este espacio</translation>
    </message>
    <message>
        <source>Rooms in this space, to join</source>
        <translation>Salas de este espacio, para unirse</translation>
    </message>
    <message>
        <source>All conversations</source>
        <translation>Todas las conversaciones</translation>
    </message>
    <message numerus="yes">
        <source>{name} — %n unread, mentions you</source>
        <translation>
            <numerusform>{name} — %n sin leer, te menciona</numerusform>
            <numerusform>{name} — %n sin leer, te mencionan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name} — %n unread</source>
        <translation>
            <numerusform>{name} — %n sin leer</numerusform>
            <numerusform>{name} — %n sin leer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SpaceRoomsDialog</name>
    <message>
        <source>Rooms in {space}</source>
        <translation>Salas de {space}</translation>
    </message>
    <message>
        <source>Loading the rooms of the space…</source>
        <translation>Cargando las salas del espacio…</translation>
    </message>
    <message>
        <source>Rooms in the space</source>
        <translation>Salas del espacio</translation>
    </message>
    <message>
        <source>&amp;Rooms</source>
        <translation>&amp;Salas</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>U&amp;nirse</translation>
    </message>
    <message>
        <source>The rooms could not be listed: {error}</source>
        <translation>No se pudieron listar las salas: {error}</translation>
    </message>
    <message numerus="yes">
        <source>The space holds more rooms than can be listed; here are the first %n.</source>
        <translation>
            <numerusform>El espacio contiene más salas de las que se pueden listar; esta es la primera.</numerusform>
            <numerusform>El espacio contiene más salas de las que se pueden listar; estas son las %n primeras.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n room(s) in this space.</source>
        <translation>
            <numerusform>%n sala en este espacio.</numerusform>
            <numerusform>%n salas en este espacio.</numerusform>
        </translation>
    </message>
    <message>
        <source>This space holds no rooms you can see.</source>
        <translation>Este espacio no contiene ninguna sala que puedas ver.</translation>
    </message>
    <message>
        <source>(space)</source>
        <translation>(espacio)</translation>
    </message>
    <message>
        <source>— joined</source>
        <translation>— unido</translation>
    </message>
    <message>
        <source>sub-space</source>
        <translation>subespacio</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n miembro</numerusform>
            <numerusform>%n miembros</numerusform>
        </translation>
    </message>
    <message>
        <source>joined</source>
        <translation>unido</translation>
    </message>
    <message>
        <source>not joined</source>
        <translation>no unido</translation>
    </message>
    <message>
        <source>Joining {name}…</source>
        <translation>Uniéndose a {name}…</translation>
    </message>
    <message>
        <source>You joined {name}.</source>
        <translation>Te uniste a {name}.</translation>
    </message>
    <message>
        <source>{name} could not be joined: {reason}</source>
        <translation>No fue posible unirse a {name}: {reason}</translation>
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
        <translation>Iniciar sesión mediante una página web</translation>
    </message>
    <message>
        <source>Sign in through your organisation&apos;s page:</source>
        <translation>Inicia sesión mediante la página de tu organización:</translation>
    </message>
    <message>
        <source>This server signs you in through a web page:</source>
        <translation>Este servidor inicia tu sesión mediante una página web:</translation>
    </message>
    <message>
        <source>Sign in with {name}</source>
        <translation>Iniciar sesión con {name}</translation>
    </message>
    <message>
        <source>Opens your web browser; come back here when you are signed in.</source>
        <translation>Abre tu navegador web; vuelve aquí cuando hayas iniciado sesión.</translation>
    </message>
</context>
<context>
    <name>ThreadPanel</name>
    <message>
        <source>Thread</source>
        <translation>Hilo</translation>
    </message>
    <message>
        <source>Close thread</source>
        <translation>Cerrar el hilo</translation>
    </message>
    <message>
        <source>Close the thread</source>
        <translation>Cerrar el hilo</translation>
    </message>
    <message>
        <source>Messages of the thread</source>
        <translation>Mensajes del hilo</translation>
    </message>
    <message>
        <source>Answer in the thread</source>
        <translation>Responder en el hilo</translation>
    </message>
    <message>
        <source>Answer in the thread…</source>
        <translation>Responder en el hilo…</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>Adjuntar…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Send in the thread</source>
        <translation>Enviar en el hilo</translation>
    </message>
    <message>
        <source>Emoji…</source>
        <translation>Emoji…</translation>
    </message>
    <message>
        <source>Thread started by {who}</source>
        <translation>Hilo iniciado por {who}</translation>
    </message>
    <message>
        <source>Thread started by {who}: {text}</source>
        <translation>Hilo iniciado por {who}: {text}</translation>
    </message>
    <message>
        <source>The answer could not be sent.</source>
        <translation>No se pudo enviar la respuesta.</translation>
    </message>
    <message>
        <source>Loading the thread…</source>
        <translation>Cargando el hilo…</translation>
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
            <numerusform>Chinwag — %n sin leer</numerusform>
            <numerusform>Chinwag — %n sin leer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UriHandler</name>
    <message>
        <source>This link cannot be opened: {problem} ({uri})</source>
        <translation>Este enlace no se puede abrir: {problem} ({uri})</translation>
    </message>
    <message>
        <source>You already have an account on {server}: “{account}”.</source>
        <translation>Ya tienes una cuenta en {server}: «{account}».</translation>
    </message>
    <message>
        <source>{address} opens once “{account}” is connected.</source>
        <translation>{address} se abrirá cuando «{account}» esté conectada.</translation>
    </message>
    <message>
        <source>“{account}” is not connected, so {address} cannot be opened. Enable or edit the account in the Accounts menu, then open the link again.</source>
        <translation>«{account}» no está conectada, así que {address} no se puede abrir. Activa o edita la cuenta en el menú Cuentas y vuelve a abrir el enlace.</translation>
    </message>
    <message>
        <source>The link could not be opened: {reason}</source>
        <translation>No se pudo abrir el enlace: {reason}</translation>
    </message>
    <message>
        <source>that did not work</source>
        <translation>no ha funcionado</translation>
    </message>
    <message>
        <source>You have no IRC account on {server} to open {uri}. Add one: the link opens once it is added.</source>
        <translation>No tienes ninguna cuenta de IRC en {server} para abrir {uri}. Añade una: el enlace se abrirá en cuanto esté añadida.</translation>
    </message>
    <message>
        <source>You have no {protocol} account to open {uri}. Add one: the link opens once it is added.</source>
        <translation>No tienes ninguna cuenta de {protocol} para abrir {uri}. Añade una: el enlace se abrirá en cuanto esté añadida.</translation>
    </message>
    <message>
        <source>the link is empty</source>
        <translation>el enlace está vacío</translation>
    </message>
    <message>
        <source>the link is too long</source>
        <translation>el enlace es demasiado largo</translation>
    </message>
    <message>
        <source>Chinwag opens xmpp:, matrix:, irc: and ircs: links</source>
        <translation>Chinwag abre enlaces xmpp:, matrix:, irc: e ircs:</translation>
    </message>
    <message>
        <source>the link is malformed</source>
        <translation>el enlace está mal formado</translation>
    </message>
    <message>
        <source>it names no person, room or server</source>
        <translation>no indica ninguna persona, sala ni servidor</translation>
    </message>
    <message>
        <source>the address in it is not valid</source>
        <translation>la dirección que contiene no es válida</translation>
    </message>
    <message>
        <source>the port in it is not valid</source>
        <translation>el puerto que contiene no es válido</translation>
    </message>
    <message>
        <source>this kind of link is not supported</source>
        <translation>este tipo de enlace no se admite</translation>
    </message>
</context>
<context>
    <name>Verbosity</name>
    <message>
        <source>Sender</source>
        <translation>Remitente</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Message replied to</source>
        <translation>Mensaje respondido</translation>
    </message>
    <message>
        <source>Reactions</source>
        <translation>Reacciones</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Adjuntos</translation>
    </message>
    <message>
        <source>Delivery state</source>
        <translation>Estado de entrega</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Editado</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Cifrado</translation>
    </message>
    <message>
        <source>Thread</source>
        <translation>Hilo</translation>
    </message>
    <message>
        <source>Link preview</source>
        <translation>Vista previa del enlace</translation>
    </message>
</context>
<context>
    <name>VerificationDialog</name>
    <message>
        <source>Verify {who}</source>
        <translation>Verificar a {who}</translation>
    </message>
    <message>
        <source>Verification status</source>
        <translation>Estado de la verificación</translation>
    </message>
    <message>
        <source>They &amp;match</source>
        <translation>&amp;Coinciden</translation>
    </message>
    <message>
        <source>The emojis match</source>
        <translation>Los emojis coinciden</translation>
    </message>
    <message>
        <source>They do&amp;n&apos;t match</source>
        <translation>&amp;No coinciden</translation>
    </message>
    <message>
        <source>The emojis do not match</source>
        <translation>Los emojis no coinciden</translation>
    </message>
    <message>
        <source>Cancel verification</source>
        <translation>Cancelar la verificación</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Waiting for {who} to accept on their device…</source>
        <translation>Esperando a que {who} acepte en su dispositivo…</translation>
    </message>
    <message>
        <source>Both sides agreed. Preparing the emojis…</source>
        <translation>Ambas partes aceptaron. Preparando los emojis…</translation>
    </message>
    <message>
        <source>Compare these emojis with the ones {who} sees, in the same order. Only confirm if they are identical.</source>
        <translation>Compara estos emojis con los que ve {who}, en el mismo orden. Confirma solo si son idénticos.</translation>
    </message>
    <message>
        <source>{who}&apos;s device is verified. Messages from it are now trusted.</source>
        <translation>El dispositivo de {who} está verificado. Ahora sus mensajes son de confianza.</translation>
    </message>
    <message>
        <source>The verification was stopped: {reason}</source>
        <translation>Se detuvo la verificación: {reason}</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>sin motivo</translation>
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
        <translation>Posición en {title}</translation>
    </message>
    <message>
        <source>Larger</source>
        <translation>Ampliar</translation>
    </message>
    <message>
        <source>Open the video larger</source>
        <translation>Abrir el vídeo en grande</translation>
    </message>
    <message>
        <source>Pause video</source>
        <translation>Pausar el vídeo</translation>
    </message>
    <message>
        <source>Play video</source>
        <translation>Reproducir el vídeo</translation>
    </message>
    <message>
        <source>Cannot play: {reason}</source>
        <translation>No se puede reproducir: {reason}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
</context>
<context>
    <name>VoiceMessageControl</name>
    <message>
        <source>Voice messa&amp;ge…</source>
        <translation>Mensaje de vo&amp;z…</translation>
    </message>
    <message>
        <source>Record a voice message</source>
        <translation>Grabar un mensaje de voz</translation>
    </message>
    <message>
        <source>Recording time</source>
        <translation>Tiempo de grabación</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel the voice message</source>
        <translation>Cancelar el mensaje de voz</translation>
    </message>
    <message>
        <source>Send voice message</source>
        <translation>Enviar mensaje de voz</translation>
    </message>
    <message>
        <source>Send the voice message</source>
        <translation>Enviar el mensaje de voz</translation>
    </message>
    <message>
        <source>Preparing the voice message…</source>
        <translation>Preparando el mensaje de voz…</translation>
    </message>
    <message>
        <source>● Recording {time}</source>
        <translation>● Grabando {time}</translation>
    </message>
    <message>
        <source>The voice message was not sent ({why}); the recording is kept in {path}</source>
        <translation>El mensaje de voz no se envió ({why}); la grabación se guarda en {path}</translation>
    </message>
    <message>
        <source>The voice message was not recorded: {reason}</source>
        <translation>No se grabó el mensaje de voz: {reason}</translation>
    </message>
</context>
<context>
    <name>VoiceRecorder</name>
    <message>
        <source>Recording needs QtMultimedia (PySide6-Addons), which is not installed</source>
        <translation>Para grabar se necesita QtMultimedia (PySide6-Addons), que no está instalado</translation>
    </message>
    <message>
        <source>No microphone was found</source>
        <translation>No se encontró ningún micrófono</translation>
    </message>
    <message>
        <source>Nothing was recorded.</source>
        <translation>No se grabó nada.</translation>
    </message>
    <message>
        <source>Recording failed.</source>
        <translation>La grabación falló.</translation>
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
        <translation>A&amp;ñadir cuenta…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>A&amp;justes…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>C&amp;uentas</translation>
    </message>
    <message>
        <source>&amp;Edit account…</source>
        <translation>&amp;Editar cuenta…</translation>
    </message>
    <message>
        <source>Enable or &amp;disable account</source>
        <translation>&amp;Activar o desactivar cuenta</translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation>&amp;Reconectar</translation>
    </message>
    <message>
        <source>Re&amp;move account…</source>
        <translation>E&amp;liminar cuenta…</translation>
    </message>
    <message>
        <source>My &amp;status</source>
        <translation>Mi e&amp;stado</translation>
    </message>
    <message>
        <source>&amp;Available</source>
        <translation>&amp;Disponible</translation>
    </message>
    <message>
        <source>A&amp;way</source>
        <translation>&amp;Ausente</translation>
    </message>
    <message>
        <source>Away for a w&amp;hile</source>
        <translation>Ausente &amp;por un buen rato</translation>
    </message>
    <message>
        <source>&amp;Do not disturb</source>
        <translation>&amp;No molestar</translation>
    </message>
    <message>
        <source>Status &amp;message…</source>
        <translation>&amp;Mensaje de estado…</translation>
    </message>
    <message>
        <source>Apply to all a&amp;ccounts</source>
        <translation>Aplicar a &amp;todas las cuentas</translation>
    </message>
    <message>
        <source>Blocked &amp;people…</source>
        <translation>Personas blo&amp;queadas…</translation>
    </message>
    <message>
        <source>E&amp;xport account history…</source>
        <translation>E&amp;xportar el historial de la cuenta…</translation>
    </message>
    <message>
        <source>&amp;Import history…</source>
        <translation>Importar &amp;historial…</translation>
    </message>
    <message>
        <source>Delete &amp;old history…</source>
        <translation>&amp;Borrar el historial antiguo…</translation>
    </message>
    <message>
        <source>Si&amp;gned-in sessions…</source>
        <translation>Sesiones &amp;iniciadas…</translation>
    </message>
    <message>
        <source>Set up &amp;key backup…</source>
        <translation>Con&amp;figurar la copia de seguridad de claves…</translation>
    </message>
    <message>
        <source>Restore keys from &amp;backup…</source>
        <translation>Res&amp;taurar claves de la copia de seguridad…</translation>
    </message>
    <message>
        <source>C&amp;onversations</source>
        <translation>C&amp;onversaciones</translation>
    </message>
    <message>
        <source>&amp;Go to conversation…</source>
        <translation>&amp;Ir a la conversación…</translation>
    </message>
    <message>
        <source>&amp;Activity in every account…</source>
        <translation>&amp;Actividad de todas las cuentas…</translation>
    </message>
    <message>
        <source>&amp;Start a conversation…</source>
        <translation>Iniciar una con&amp;versación…</translation>
    </message>
    <message>
        <source>&amp;Join a room…</source>
        <translation>&amp;Unirse a una sala…</translation>
    </message>
    <message>
        <source>&amp;Browse rooms…</source>
        <translation>&amp;Explorar salas…</translation>
    </message>
    <message>
        <source>Add a &amp;contact…</source>
        <translation>Añadir un &amp;contacto…</translation>
    </message>
    <message>
        <source>New &amp;room…</source>
        <translation>&amp;Nueva sala…</translation>
    </message>
    <message>
        <source>Room se&amp;ttings…</source>
        <translation>Ajustes &amp;de la sala…</translation>
    </message>
    <message>
        <source>&amp;Find in conversation…</source>
        <translation>&amp;Buscar en la conversación…</translation>
    </message>
    <message>
        <source>Search &amp;everywhere…</source>
        <translation>Buscar en &amp;todas partes…</translation>
    </message>
    <message>
        <source>&amp;Previous conversation</source>
        <translation>Conversación ante&amp;rior</translation>
    </message>
    <message>
        <source>&amp;Next conversation</source>
        <translation>Conversación &amp;siguiente</translation>
    </message>
    <message>
        <source>Previous &amp;unread</source>
        <translation>Anterior no &amp;leída</translation>
    </message>
    <message>
        <source>Ne&amp;xt unread</source>
        <translation>Si&amp;guiente no leída</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>Next &amp;region</source>
        <translation>&amp;Región siguiente</translation>
    </message>
    <message>
        <source>Previous r&amp;egion</source>
        <translation>Región &amp;anterior</translation>
    </message>
    <message>
        <source>Jump to &amp;latest</source>
        <translation>Ir a lo más r&amp;eciente</translation>
    </message>
    <message>
        <source>&amp;Conversations list</source>
        <translation>Lista de &amp;conversaciones</translation>
    </message>
    <message>
        <source>C&amp;ontacts list</source>
        <translation>Lista de c&amp;ontactos</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
</context>
<context>
    <name>_Plurals</name>
    <message numerus="yes">
        <source>Idle for %n minute(s)</source>
        <translation>
            <numerusform>Inactivo desde hace %n minuto</numerusform>
            <numerusform>Inactivo desde hace %n minutos</numerusform>
        </translation>
    </message>
</context>
</TS>
