## Pagine di errore.

error-not-found = Pagina non trovata
error-not-found-body = La pagina che cerchi non esiste o è stata spostata.
error-bad-request = Richiesta non valida
error-bad-request-body = Alcune delle informazioni inviate non sono valide. Torna indietro e riprova.
error-forbidden = Accesso negato
error-forbidden-body = Non hai l'autorizzazione per aprire questa pagina.
error-csrf-failed = Il modulo è scaduto
error-csrf-failed-body = Per la tua sicurezza non è stato possibile inviare il modulo. Ricarica la pagina e riprova.
error-payload-too-large = Dimensioni eccessive
error-payload-too-large-body = Il file o il modulo che hai inviato supera le dimensioni consentite.
error-unavailable = Al momento c'è molto traffico
error-unavailable-body = Il servizio è temporaneamente non disponibile. Riprova tra un minuto.
error-internal = Qualcosa è andato storto
error-internal-body = Si è verificato un errore imprevisto da parte nostra. L'abbiamo registrato: riprova.
error-back-home = Torna alla home page
error-too-many-requests = Troppe richieste
error-too-many-requests-body = Attendi un momento prima di riprovare.
error-sign-in-required = Effettua l'accesso
error-sign-in-required-body = Devi accedere per vedere questa pagina.
error-out-of-stock = Quantità non disponibile
error-out-of-stock-body = Di alcuni articoli sono rimasti meno pezzi di quelli richiesti. Controlla il carrello e riprova.
error-conflict = È appena cambiato
error-conflict-body = Qualcuno l'ha modificato mentre lo stavi guardando. Ricarica la pagina per vedere la versione attuale.
