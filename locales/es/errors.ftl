## Páginas de error.

error-not-found = Página no encontrada
error-not-found-body = La página que buscas no existe o se ha movido.
error-bad-request = Solicitud no válida
error-bad-request-body = Parte de la información enviada no es válida. Vuelve atrás e inténtalo de nuevo.
error-forbidden = Acceso denegado
error-forbidden-body = No tienes permiso para abrir esta página.
error-csrf-failed = El formulario ha caducado
error-csrf-failed-body = Por tu seguridad, no se ha podido enviar el formulario. Recarga la página e inténtalo de nuevo.
error-payload-too-large = El envío es demasiado grande
error-payload-too-large-body = El archivo o formulario que has enviado supera el tamaño permitido.
error-unavailable = Ahora mismo estamos saturados
error-unavailable-body = El servicio no está disponible temporalmente. Inténtalo de nuevo en un minuto.
error-internal = Algo ha salido mal
error-internal-body = Se ha producido un error inesperado por nuestra parte. Ya lo hemos registrado; inténtalo de nuevo.
error-back-home = Volver a la página de inicio
error-too-many-requests = Demasiadas solicitudes
error-too-many-requests-body = Espera un momento antes de volver a intentarlo.
error-sign-in-required = Inicia sesión
error-sign-in-required-body = Tienes que iniciar sesión para ver esta página.
error-out-of-stock = No quedan suficientes unidades
error-out-of-stock-body = De algunos artículos quedan menos unidades de las que pediste. Revisa tu carrito e inténtalo de nuevo.
error-conflict = Esto acaba de cambiar
error-conflict-body = Alguien lo modificó mientras lo estabas viendo. Recarga la página para ver la versión actual.
