# Payments: commissions and the ledger.
staff-nav-commissions = Commissions
commission-title = Commissions
commission-intro = What the marketplace keeps of each sale's goods (not of shipping), at the rate in force when the order is paid. A shop's own rate replaces the default from the moment it is set; every rate set stays in the history.
commission-current = Default rate now: { $rate }
commission-set-title = Set a rate
commission-for = For
commission-default = Default (every shop without its own)
commission-rate = Rate (%)
commission-rate-hint = Between 0 and 50, up to two decimals (e.g. 12.5). It applies to orders paid from now on.
commission-history = History
commission-since = In force from
commission-rate-value = { $rate } %
commission-error-number = Type the rate as a number, e.g. 12.5.
commission-error-range = The rate must be between 0 and 50 %.
