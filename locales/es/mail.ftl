# Correos sobre pedidos. $number: número(s) de pedido; $shop: la tienda; $name y $city: a quién y adónde va el
# pedido; $amount: el total del pedido en la moneda del lector; $count: cuántos pedidos.
mail-hello = ¡Hola, { $name }!
mail-order-heading = Pedido { $number } · { $shop }
mail-col-item = Producto
mail-col-quantity = Cant.
mail-col-amount = Importe
mail-shipping = Envío
mail-total = Total
mail-view-order = Ver el pedido
mail-track = Seguir el paquete
mail-tracking = Número de seguimiento: { $tracking }
mail-cancel-reason = Motivo indicado: { $reason }
mail-footer = Recibes este correo por un pedido en Caravan, un marketplace gestionado por { $operator }.
mail-subject-order-placed = { $count ->
    [one] Tu pedido { $number } se ha realizado
   *[other] Tus pedidos { $number } se han realizado
}
mail-lead-order-placed-shopper = { $count ->
    [one] Gracias por tu pedido. Aquí tienes lo que has pedido; te volveremos a escribir cuando se envíe.
   *[other] Gracias por tu pedido. Cada tienda envía su propio paquete; te volveremos a escribir a medida que se envíe cada uno.
}
mail-subject-order-new = Nuevo pedido { $number }
mail-lead-order-new-merchant = Tu tienda { $shop } ha recibido el nuevo pedido { $number } para { $name }, en { $city }. Prepáralo para el envío en cuanto esté pagado.
mail-subject-order-paid = El pedido { $number } está pagado
mail-lead-order-paid-shopper = Hemos recibido el pago de { $amount } por tu pedido { $number } en { $shop }.
mail-lead-order-paid-merchant = El pedido { $number } está pagado ({ $amount }). Ya puedes enviarlo.
mail-subject-order-shipped = El pedido { $number } se ha enviado
mail-lead-order-shipped-shopper = { $shop } ha enviado tu pedido { $number }.
mail-subject-order-delivered = El pedido { $number } se ha entregado
mail-lead-order-delivered-shopper = Tu pedido { $number } de { $shop } se ha entregado. Esperamos que lo disfrutes.
mail-subject-order-cancelled = El pedido { $number } se ha cancelado
mail-lead-order-cancelled-shopper = Tu pedido { $number } de { $shop } se ha cancelado. Si has pagado con tarjeta, el importe se te reembolsará automáticamente.
mail-lead-order-cancelled-merchant = El comprador ha cancelado el pedido { $number }. Sus productos vuelven a estar en stock.
mail-subject-order-refunded = El pedido { $number } se ha reembolsado
mail-lead-order-refunded-shopper = Se ha reembolsado a tu tarjeta el importe de { $amount } de tu pedido { $number }.
mail-note-order-refunded-shopper = Los bancos suelen mostrar el reembolso en un plazo de 5 a 10 días.

# Personal: correo.
staff-nav-mail = Correo
staff-mail-title = Correo
staff-mail-intro = Los correos de pedidos salen por la bandeja de salida: si el servidor de correo falla, cada uno se reintenta tras una espera cada vez mayor y, después del último intento, aparece en esta lista.
staff-mail-none = Todavía no hay correos.
staff-mail-state-queued = pendiente de envío
staff-mail-state-sending = enviando
staff-mail-state-sent = envío completado
staff-mail-state-skipped = envío innecesario (lo cubre otro correo)
staff-mail-state-retry = pendiente de reintento
staff-mail-state-failed = envío fallido
staff-mail-failed = Correos que no se pudieron enviar
staff-mail-failed-none = No ha fallado ningún correo.
staff-mail-what = Correo
staff-mail-to = Destinatario
staff-mail-error = Error
staff-mail-kind-order-placed = Confirmación del pedido
staff-mail-kind-order-new = Nuevo pedido (a la tienda)
staff-mail-kind-order-paid = Pedido pagado
staff-mail-kind-order-shipped = Pedido enviado
staff-mail-kind-order-delivered = Pedido entregado
staff-mail-kind-order-cancelled = Pedido cancelado
staff-mail-kind-order-refunded = Pedido reembolsado
staff-mail-error-smtp-rejected = El servidor de correo ha rechazado el mensaje o la dirección.
staff-mail-error-smtp-unavailable = No se ha podido conectar con el servidor de correo.
staff-mail-error-smtp-timeout = El servidor de correo no ha respondido a tiempo.
staff-mail-error-file-unwritable = No se ha podido escribir el archivo del correo.
staff-mail-error-bad-address = La dirección de correo de la cuenta no se puede usar.
staff-mail-error-compose-failed = No se ha podido redactar el correo (consulta el registro del servidor).
staff-mail-retry-queued = El correo se volverá a enviar en un momento.
staff-mail-retry-not-failed = Este correo no está pendiente de reintento.

# Correos sobre la cuenta.
mail-footer-account = Recibes este correo por tu cuenta en Caravan, un marketplace gestionado por { $operator }.
mail-subject-password-reset = Restablece tu contraseña de Caravan
mail-lead-password-reset = Alguien, probablemente tú, ha solicitado restablecer la contraseña de tu cuenta de Caravan. Elige una nueva con este enlace; solo funciona una vez y durante una hora.
mail-reset-button = Elegir una nueva contraseña
mail-note-password-reset = Si no lo has solicitado tú, ignora este correo: tu contraseña seguirá siendo la misma.
mail-subject-password-changed = Se ha cambiado tu contraseña de Caravan
mail-lead-password-changed = Se acaba de cambiar la contraseña de tu cuenta de Caravan y se ha cerrado la sesión en todos los demás dispositivos.
mail-note-password-changed = Si no has sido tú, restablece tu contraseña de inmediato desde la página de inicio de sesión y escribe a nuestro equipo de soporte.
staff-mail-kind-password-reset = Enlace para restablecer la contraseña
staff-mail-kind-password-changed = Contraseña cambiada

# Páginas para restablecer la contraseña.
reset-forgot = ¿Has olvidado tu contraseña?
reset-title = Restablece tu contraseña
reset-ask-intro = Escribe la dirección de correo electrónico de tu cuenta. Te enviaremos un enlace para elegir una nueva contraseña.
reset-send = Enviar el enlace
reset-sent = Si hay una cuenta con esta dirección, te hemos enviado un enlace para elegir una nueva contraseña. El enlace solo funciona una vez y durante una hora. Si no llega en unos minutos, revisa la carpeta de spam.
reset-back-to-sign-in = Volver al inicio de sesión
reset-invalid = Este enlace ya no funciona: ya se ha usado, tiene más de una hora o se ha escrito mal.
reset-ask-again = Solicitar un nuevo enlace
reset-limited = Demasiadas solicitudes desde esta conexión. Vuelve a intentarlo dentro de una hora.
reset-choose-intro = Elige la nueva contraseña de tu cuenta. Se cerrará la sesión en todos los dispositivos en los que esté abierta.
reset-new-password = Nueva contraseña
reset-save = Guardar la nueva contraseña
reset-done = Se ha cambiado tu contraseña. Inicia sesión con la nueva.

# Correos sobre la solicitud de una tienda. $shop: el nombre de la tienda; $reason: lo que escribió el personal.
mail-subject-shop-approved = Tu tienda { $shop } ya está abierta en Caravan
mail-lead-shop-approved = Buenas noticias: hemos aprobado { $shop }. Tu tienda y sus productos publicados ya son visibles para los compradores de todos los países a los que envías.
mail-note-shop-approved = Próximos pasos: desde el panel de tu tienda, añade tus productos con sus traducciones e indica tus tarifas de envío.
mail-shop-open = Ir al panel de tu tienda
mail-subject-shop-rejected = Tu solicitud para la tienda { $shop }
mail-lead-shop-rejected = Lo sentimos: no hemos podido aprobar la solicitud de { $shop } tal como está.
mail-note-shop-rejected = Nuestro equipo ha escrito: «{ $reason }». Puedes modificar tu solicitud y volver a enviarla.
mail-shop-apply-again = Revisar la solicitud
staff-mail-kind-shop-approved = Tienda aprobada
staff-mail-kind-shop-rejected = Tienda rechazada

# Verificación de la dirección de correo electrónico.
mail-subject-verify-email = Confirma tu dirección de correo electrónico en Caravan
mail-lead-verify-email = Confirma que esta es tu dirección de correo electrónico para que te lleguen los correos de tus pedidos y puedas abrir una tienda. El enlace funciona durante dos días.
mail-verify-button = Confirmar mi dirección
mail-note-verify-email = Si no has creado una cuenta en Caravan ni has cambiado su dirección, ignora este correo.
staff-mail-kind-verify-email = Confirmación de la dirección
verify-title = Confirma tu dirección de correo electrónico
verify-confirm-intro = Confirma esta dirección para tu cuenta de Caravan con el botón de abajo.
verify-confirm = Confirmar mi dirección
verify-invalid = Este enlace ya no funciona: ya se ha usado, tiene más de dos días o se ha escrito mal. Solicita uno nuevo desde tu cuenta.
verify-taken = Esta dirección pertenece ahora a otra cuenta, así que no se puede confirmar para la tuya.
verify-to-account = Ir a tu cuenta
verify-done = Gracias: se ha confirmado tu dirección de correo electrónico.
verify-sent = Te hemos enviado un nuevo enlace de confirmación.
verify-not-sent = No se ha enviado ningún enlace nuevo: la dirección ya está confirmada o ya se han enviado tres enlaces en la última hora.
verify-reminder = Confirma tu dirección de correo electrónico: abre el enlace que hemos enviado a { $email }.
verify-resend = Volver a enviar el enlace
merchant-verify-first = Confirma tu dirección de correo electrónico antes de solicitar una tienda: abre el enlace que te hemos enviado o solicita uno nuevo arriba.
account-email-title = Dirección de correo electrónico
account-new-email = Nueva dirección de correo electrónico
account-new-email-hint = Enviamos un enlace de confirmación a la nueva dirección; tu cuenta conserva la actual hasta que lo abras.
account-current-password = Tu contraseña actual
account-change-email = Cambiar la dirección
account-email-same = Esta ya es tu dirección.
account-email-change-sent = Hemos enviado un enlace de confirmación a la nueva dirección. Tu dirección cambiará cuando lo abras.
account-email-in-use = Otra cuenta ya usa esta dirección.

# Poco stock, aviso a la tienda tras un pedido. $count: unidades que quedan (para el plural); $n: el mismo número, con formato.
mail-subject-stock-low = Queda poco stock tras el pedido { $number }
mail-lead-stock-low-merchant = Tras el pedido { $number } queda poco stock de estos productos. Repón su stock desde el panel de tu tienda antes de que aparezcan como agotados:
mail-stock-left = { $count ->
    [0] { $title }: agotado
    [one] { $title }: queda { $n } unidad
   *[other] { $title }: quedan { $n } unidades
}
staff-mail-kind-stock-low = Poco stock (a la tienda)

mail-placed-on = Realizado el { $date }

# La dirección anterior recibe aviso de que la dirección de la cuenta ha cambiado. $new: la dirección nueva.
mail-subject-email-changed = Se ha cambiado el correo electrónico de tu cuenta de Caravan
mail-lead-email-changed = El correo electrónico de tu cuenta de Caravan ahora es { $new }. Los correos sobre tu cuenta y tus pedidos llegarán allí a partir de ahora.
mail-note-email-changed = Si no has sido tú, restablece ya la contraseña desde la página de inicio de sesión y escribe a nuestro equipo de soporte.
staff-mail-kind-email-changed = Dirección cambiada (dirección anterior)
staff-mail-error-stuck = Nunca se confirmó el envío del correo: el remitente se detuvo en cada intento.
account-email-too-many = Demasiados cambios de dirección en la última hora. Vuelve a intentarlo más tarde.
