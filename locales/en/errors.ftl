## Error pages.

error-not-found = Page not found
error-not-found-body = The page you are looking for does not exist or has moved.
error-bad-request = That request did not make sense
error-bad-request-body = Some of the information sent was not valid. Go back and try again.
error-forbidden = Access denied
error-forbidden-body = You do not have permission to open this page.
error-csrf-failed = Your form has expired
error-csrf-failed-body = For your security the form could not be sent. Reload the page and try again.
error-payload-too-large = That is too large
error-payload-too-large-body = The file or form you sent is larger than we accept.
error-unavailable = We are busy right now
error-unavailable-body = The service is temporarily unavailable. Please try again in a minute.
error-internal = Something went wrong
error-internal-body = An unexpected error happened on our side. It has been logged; please try again.
error-back-home = Back to the home page
error-too-many-requests = Too many requests
error-too-many-requests-body = Please wait a moment before trying again.
error-sign-in-required = Please sign in
error-sign-in-required-body = You need to sign in to see this page.
error-out-of-stock = Not enough left
error-out-of-stock-body = Some items have fewer units left than you asked for. Check your cart and try again.
error-conflict = This has just changed
error-conflict-body = Someone changed this while you were looking at it. Reload the page to see what it is now.
