// One schema for both backends; keep it in step with migrations/{sqlite,postgres}.

diesel::table! {
    merchants (id) {
        id -> BigInt,
        slug -> Text,
        name -> Text,
        country -> Text,
        city -> Text,
        currency -> Text,
        status -> Text,
        original_lang -> Text,
        created_at -> Timestamp,
        owner_user_id -> Nullable<BigInt>,
        legal_name -> Text,
        tax_id -> Text,
        contact -> Text,
        status_reason -> Text,
        logo_path -> Text,
        address -> Text,
        handling_days -> Integer,
        prices_include_vat -> Bool,
        cutoff_hour -> Nullable<Integer>,
    }
}

diesel::table! {
    destination_restrictions (country) {
        country -> Text,
        reason -> Text,
        note -> Text,
        closed_by -> Nullable<BigInt>,
        closed_at -> Timestamp,
    }
}

diesel::table! {
    product_customs (product_id) {
        product_id -> BigInt,
        hs_code -> Text,
        description -> Text,
    }
}

diesel::table! {
    order_shipments (order_id) {
        order_id -> BigInt,
        carrier -> Text,
    }
}

diesel::table! {
    order_taxes (order_id, rate_bp) {
        order_id -> BigInt,
        rate_bp -> Integer,
        treatment -> Text,
        country -> Text,
        remitted_by -> Text,
        gross_minor -> BigInt,
        vat_minor -> BigInt,
        merchant_gross_minor -> BigInt,
        merchant_vat_minor -> BigInt,
    }
}

diesel::table! {
    order_arrivals (order_id) {
        order_id -> BigInt,
        arrives_from -> Date,
        arrives_to -> Date,
    }
}

diesel::table! {
    users (id) {
        id -> BigInt,
        email -> Text,
        email_norm -> Text,
        display_name -> Text,
        password_hash -> Text,
        role -> Text,
        locale -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        time_zone -> Text,
        email_verified_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    auth_sessions (id) {
        id -> Text,
        user_id -> BigInt,
        created_at -> Timestamp,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    auth_attempts (id) {
        id -> BigInt,
        scope -> Text,
        key -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    merchant_translations (merchant_id, locale) {
        merchant_id -> BigInt,
        locale -> Text,
        description -> Text,
    }
}

diesel::table! {
    categories (id) {
        id -> BigInt,
        parent_id -> Nullable<BigInt>,
        position -> Integer,
        key -> Text,
        hidden -> Bool,
        reduced_vat -> Bool,
    }
}

diesel::table! {
    category_translations (category_id, locale) {
        category_id -> BigInt,
        locale -> Text,
        name -> Text,
        slug -> Text,
    }
}

diesel::table! {
    products (id) {
        id -> BigInt,
        merchant_id -> BigInt,
        category_id -> BigInt,
        sku -> Text,
        price_minor -> BigInt,
        currency -> Text,
        base_price_minor -> BigInt,
        stock -> Integer,
        status -> Text,
        listed -> Bool,
        origin -> Text,
        original_lang -> Text,
        weight_grams -> Nullable<Integer>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        rating_tenths -> Integer,
        rating_score -> Integer,
    }
}

diesel::table! {
    product_translations (product_id, locale) {
        product_id -> BigInt,
        locale -> Text,
        title -> Text,
        description -> Text,
        slug -> Text,
    }
}

diesel::table! {
    product_images (id) {
        id -> BigInt,
        product_id -> BigInt,
        position -> Integer,
        path -> Text,
        width -> Integer,
        height -> Integer,
        thumb_path -> Text,
    }
}

diesel::table! {
    product_image_translations (image_id, locale) {
        image_id -> BigInt,
        locale -> Text,
        alt -> Text,
    }
}

diesel::table! {
    exchange_rates (id) {
        id -> BigInt,
        currency -> Text,
        per_base_micros -> BigInt,
        effective_from -> Timestamp,
    }
}

diesel::table! {
    tax_rules (id) {
        id -> BigInt,
        country -> Text,
        scheme -> Text,
        standard_bp -> Integer,
        reduced_bp -> Nullable<Integer>,
        threshold_minor -> Nullable<BigInt>,
        threshold_currency -> Nullable<Text>,
        effective_from -> Timestamp,
    }
}

diesel::table! {
    search_terms (term, product_id) {
        term -> Text,
        product_id -> BigInt,
        weight -> Integer,
    }
}

diesel::table! {
    /// Listed products per (shop, category, origin); maintained by triggers on `products`.
    facet_counts (merchant_id, category_id, origin) {
        merchant_id -> BigInt,
        category_id -> BigInt,
        origin -> Text,
        product_count -> BigInt,
        in_stock -> BigInt,
        min_price -> BigInt,
        max_price -> BigInt,
        stock_min_price -> Nullable<BigInt>,
        stock_max_price -> Nullable<BigInt>,
    }
}

diesel::table! {
    /// Card payments, one per checkout (see `payments`).
    payments (id) {
        id -> BigInt,
        checkout_token -> Text,
        user_id -> BigInt,
        provider -> Text,
        provider_ref -> Nullable<Text>,
        amount_minor -> BigInt,
        currency -> Text,
        status -> Text,
        failure_code -> Text,
        idempotency_key -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    /// Commission rates in basis points: the default (no merchant) and per-shop overrides, by effective instant.
    commission_rates (id) {
        id -> BigInt,
        merchant_id -> Nullable<BigInt>,
        rate_bp -> Integer,
        effective_from -> Timestamp,
        set_by -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// Ledger transactions (append-only; see `payments::ledger`).
    ledger_transactions (id) {
        id -> BigInt,
        key -> Text,
        kind -> Text,
        merchant_id -> BigInt,
        order_id -> Nullable<BigInt>,
        payment_id -> Nullable<BigInt>,
        currency -> Text,
        memo -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// Ledger entries, signed minor units (+ debit, − credit), summing to zero per transaction.
    ledger_entries (id) {
        id -> BigInt,
        transaction_id -> BigInt,
        account -> Text,
        merchant_id -> BigInt,
        currency -> Text,
        amount_minor -> BigInt,
    }
}

diesel::table! {
    /// Provider webhook events already handled.
    payment_events (provider, event_id) {
        provider -> Text,
        event_id -> Text,
        kind -> Text,
        outcome -> Text,
        received_at -> Timestamp,
    }
}

diesel::table! {
    /// Products whose search words are built again by the indexer (see `catalogue::reindex`).
    search_reindex (product_id) {
        product_id -> BigInt,
    }
}

diesel::table! {
    bulk_load_pending (name) {
        name -> Text,
        is_trigger -> Bool,
        create_sql -> Text,
    }
}

diesel::table! {
    category_slug_history (locale, slug) {
        locale -> Text,
        slug -> Text,
        category_id -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    search_misses (id) {
        id -> BigInt,
        locale -> Text,
        query -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    audit_log (id) {
        id -> BigInt,
        actor_id -> Nullable<BigInt>,
        action -> Text,
        subject -> Text,
        detail -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    shipping_rates (merchant_id, destination) {
        merchant_id -> BigInt,
        destination -> Text,
        rate_minor -> BigInt,
        days_min -> Integer,
        days_max -> Integer,
    }
}

diesel::table! {
    pending_imports (id) {
        id -> BigInt,
        merchant_id -> BigInt,
        token -> Text,
        body -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    carts (id) {
        id -> BigInt,
        token -> Nullable<Text>,
        user_id -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        coupon_code -> Text,
    }
}

diesel::table! {
    coupons (id) {
        id -> BigInt,
        code -> Text,
        merchant_id -> Nullable<BigInt>,
        kind -> Text,
        percent -> Integer,
        amount_minor -> BigInt,
        currency -> Text,
        min_spend_minor -> BigInt,
        markets -> Text,
        starts_at -> Timestamp,
        ends_at -> Timestamp,
        max_uses -> Nullable<Integer>,
        per_account -> Nullable<Integer>,
        used -> Integer,
        batch -> Text,
        active -> Bool,
        created_by -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    reviews (id) {
        id -> BigInt,
        product_id -> BigInt,
        merchant_id -> BigInt,
        user_id -> BigInt,
        order_line_id -> Nullable<BigInt>,
        product_title -> Text,
        rating -> Integer,
        title -> Text,
        body -> Text,
        lang -> Text,
        country -> Text,
        author -> Text,
        variant_label -> Text,
        status -> Text,
        hidden_reason -> Text,
        reports -> Integer,
        reply -> Text,
        reply_lang -> Text,
        replied_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    review_photos (id) {
        id -> BigInt,
        review_id -> BigInt,
        position -> Integer,
        path -> Text,
        thumb_path -> Text,
        width -> Integer,
        height -> Integer,
    }
}

diesel::table! {
    review_reports (review_id, user_id) {
        review_id -> BigInt,
        user_id -> BigInt,
        reason -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    product_ratings (product_id) {
        product_id -> BigInt,
        count -> Integer,
        sum -> Integer,
        score -> Integer,
        stars1 -> Integer,
        stars2 -> Integer,
        stars3 -> Integer,
        stars4 -> Integer,
        stars5 -> Integer,
    }
}

diesel::table! {
    shop_ratings (merchant_id) {
        merchant_id -> BigInt,
        count -> Integer,
        sum -> Integer,
    }
}

diesel::table! {
    wishlist_items (user_id, product_id) {
        user_id -> BigInt,
        product_id -> BigInt,
        price_minor -> BigInt,
        currency -> Text,
        added_at -> Timestamp,
    }
}

diesel::table! {
    search_stats (day, locale) {
        day -> Text,
        locale -> Text,
        searches -> BigInt,
        zero_results -> BigInt,
        corrected -> BigInt,
        corrections_clicked -> BigInt,
    }
}

diesel::table! {
    search_corrections (day, locale, query, suggestion) {
        day -> Text,
        locale -> Text,
        query -> Text,
        suggestion -> Text,
        offered -> BigInt,
        clicked -> BigInt,
    }
}

diesel::table! {
    product_views (product_id, day, market) {
        product_id -> BigInt,
        day -> Text,
        market -> Text,
        views -> BigInt,
    }
}

diesel::table! {
    promo_views (promo_id, day, market) {
        promo_id -> BigInt,
        day -> Text,
        market -> Text,
        views -> BigInt,
    }
}

diesel::table! {
    coupon_redemptions (id) {
        id -> BigInt,
        coupon_id -> BigInt,
        user_id -> BigInt,
        checkout_token -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    cart_lines (cart_id, variant_id) {
        cart_id -> BigInt,
        variant_id -> BigInt,
        product_id -> BigInt,
        quantity -> Integer,
        added_at -> Timestamp,
    }
}

diesel::table! {
    addresses (user_id) {
        user_id -> BigInt,
        full_name -> Text,
        line1 -> Text,
        line2 -> Text,
        city -> Text,
        postal_code -> Text,
        country -> Text,
        phone -> Text,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    orders (id) {
        id -> BigInt,
        number -> Text,
        checkout_token -> Text,
        user_id -> BigInt,
        merchant_id -> BigInt,
        status -> Text,
        payment_method -> Text,
        currency -> Text,
        subtotal_minor -> BigInt,
        shipping_minor -> BigInt,
        total_minor -> BigInt,
        merchant_currency -> Text,
        merchant_subtotal_minor -> BigInt,
        merchant_shipping_minor -> BigInt,
        merchant_total_minor -> BigInt,
        merchant_rate_micros -> BigInt,
        shopper_rate_micros -> BigInt,
        ship_name -> Text,
        ship_line1 -> Text,
        ship_line2 -> Text,
        ship_city -> Text,
        ship_postal_code -> Text,
        ship_country -> Text,
        ship_phone -> Text,
        delivery_days_min -> Integer,
        delivery_days_max -> Integer,
        tracking_number -> Text,
        cancel_reason -> Text,
        locale -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    order_coupons (order_id) {
        order_id -> BigInt,
        coupon_id -> BigInt,
        discount_minor -> BigInt,
        merchant_discount_minor -> BigInt,
        platform_minor -> BigInt,
    }
}

diesel::table! {
    order_lines (id) {
        id -> BigInt,
        order_id -> BigInt,
        product_id -> BigInt,
        sku -> Text,
        title -> Text,
        title_locale -> Text,
        quantity -> Integer,
        unit_minor -> BigInt,
        line_minor -> BigInt,
        unit_shopper_minor -> BigInt,
        line_shopper_minor -> BigInt,
        discount_percent -> Integer,
        promo_id -> Nullable<BigInt>,
        variant_id -> Nullable<BigInt>,
        variant_label -> Text,
        variant_label_merchant -> Text,
        platform_discount_minor -> BigInt,
        shop_discount_minor -> BigInt,
    }
}

diesel::table! {
    order_events (id) {
        id -> BigInt,
        order_id -> BigInt,
        status -> Text,
        actor_id -> Nullable<BigInt>,
        note -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    notifications (id) {
        id -> BigInt,
        user_id -> BigInt,
        order_id -> Nullable<BigInt>,
        kind -> Text,
        status -> Text,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
        mail_status -> Text,
        attempts -> Integer,
        next_attempt_at -> Nullable<Timestamp>,
        last_error -> Text,
        payload -> Text,
    }
}

diesel::table! {
    email_verifications (id) {
        id -> BigInt,
        user_id -> BigInt,
        email -> Text,
        email_norm -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    password_resets (id) {
        id -> BigInt,
        user_id -> BigInt,
        token_hash -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    shop_bank_accounts (merchant_id) {
        merchant_id -> BigInt,
        holder -> Text,
        iban -> Text,
        bic -> Text,
        updated_by -> BigInt,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    disputes (id) {
        id -> BigInt,
        payment_id -> BigInt,
        provider_ref -> Text,
        status -> Text,
        reason -> Text,
        amount_minor -> BigInt,
        currency -> Text,
        event_at -> BigInt,
        released_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    refunds (id) {
        id -> BigInt,
        payment_id -> BigInt,
        order_id -> BigInt,
        merchant_id -> BigInt,
        amount_minor -> BigInt,
        currency -> Text,
        status -> Text,
        provider_ref -> Nullable<Text>,
        failure -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    payment_cursors (name) {
        name -> Text,
        position -> BigInt,
    }
}

diesel::table! {
    payout_batches (id) {
        id -> BigInt,
        currency -> Text,
        minimum_minor -> BigInt,
        status -> Text,
        created_by -> BigInt,
        created_at -> Timestamp,
        paid_by -> Nullable<BigInt>,
        paid_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    payouts (id) {
        id -> BigInt,
        batch_id -> BigInt,
        merchant_id -> BigInt,
        currency -> Text,
        amount_minor -> BigInt,
    }
}

diesel::joinable!(cart_lines -> carts (cart_id));
diesel::joinable!(cart_lines -> products (product_id));
diesel::joinable!(disputes -> payments (payment_id));
diesel::joinable!(orders -> merchants (merchant_id));
diesel::joinable!(orders -> users (user_id));
diesel::joinable!(order_lines -> orders (order_id));
diesel::joinable!(product_views -> products (product_id));
diesel::joinable!(review_photos -> reviews (review_id));
diesel::joinable!(order_events -> orders (order_id));
diesel::joinable!(notifications -> orders (order_id));
diesel::joinable!(notifications -> users (user_id));
diesel::table! {
    promos (id) {
        id -> BigInt,
        name -> Text,
        status -> Text,
        discount_percent -> Integer,
        starts_at -> Timestamp,
        ends_at -> Timestamp,
        time_zone -> Text,
        hero_path -> Text,
        hero_thumb_path -> Text,
        home_position -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        funded_by -> Text,
        markets -> Text,
        languages -> Text,
        local_times -> Bool,
        starts_local -> Text,
        ends_local -> Text,
        open_to_merchants -> Bool,
        platform_share -> Integer,
    }
}

diesel::table! {
    promo_participants (promo_id, product_id) {
        promo_id -> BigInt,
        product_id -> BigInt,
        merchant_id -> BigInt,
        discount_percent -> Integer,
        joined_at -> Timestamp,
    }
}

diesel::table! {
    promo_translations (promo_id, locale) {
        promo_id -> BigInt,
        locale -> Text,
        slug -> Text,
        title -> Text,
        subtitle -> Text,
        body -> Text,
        hero_alt -> Text,
    }
}

diesel::table! {
    promo_targets (promo_id, kind, value) {
        promo_id -> BigInt,
        kind -> Text,
        value -> Text,
    }
}

diesel::table! {
    promo_featured (promo_id, product_id) {
        promo_id -> BigInt,
        product_id -> BigInt,
        position -> Integer,
    }
}

diesel::joinable!(promo_translations -> promos (promo_id));
diesel::joinable!(promo_targets -> promos (promo_id));
diesel::joinable!(promo_featured -> promos (promo_id));
diesel::joinable!(promo_featured -> products (product_id));
diesel::joinable!(shipping_rates -> merchants (merchant_id));
diesel::joinable!(pending_imports -> merchants (merchant_id));
diesel::joinable!(merchant_translations -> merchants (merchant_id));
diesel::joinable!(auth_sessions -> users (user_id));
diesel::joinable!(audit_log -> users (actor_id));
diesel::joinable!(merchants -> users (owner_user_id));
diesel::joinable!(category_translations -> categories (category_id));
diesel::joinable!(products -> merchants (merchant_id));
diesel::joinable!(products -> categories (category_id));
diesel::joinable!(product_translations -> products (product_id));
diesel::joinable!(product_images -> products (product_id));
diesel::joinable!(product_image_translations -> product_images (image_id));
diesel::joinable!(search_terms -> products (product_id));

diesel::table! {
    site_page_revisions (id) {
        id -> BigInt,
        page_key -> Text,
        locale -> Text,
        title -> Text,
        body -> Text,
        author_id -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    product_reports (id) {
        id -> BigInt,
        product_id -> BigInt,
        reason -> Text,
        details -> Text,
        contact -> Text,
        reporter_id -> Nullable<BigInt>,
        locale -> Text,
        status -> Text,
        staff_note -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    options (id) {
        id -> BigInt,
        merchant_id -> Nullable<BigInt>,
        key -> Text,
        original_lang -> Text,
        facet -> Bool,
        position -> Integer,
        created_at -> Timestamp,
    }
}

diesel::table! {
    option_translations (option_id, locale) {
        option_id -> BigInt,
        locale -> Text,
        name -> Text,
    }
}

diesel::table! {
    option_values (id) {
        id -> BigInt,
        option_id -> BigInt,
        key -> Text,
        position -> Integer,
    }
}

diesel::table! {
    option_value_translations (value_id, locale) {
        value_id -> BigInt,
        locale -> Text,
        name -> Text,
    }
}

diesel::table! {
    product_options (product_id, position) {
        product_id -> BigInt,
        position -> Integer,
        option_id -> BigInt,
    }
}

diesel::table! {
    product_variants (id) {
        id -> BigInt,
        product_id -> BigInt,
        merchant_id -> BigInt,
        sku -> Text,
        value1 -> BigInt,
        value2 -> BigInt,
        value3 -> BigInt,
        price_minor -> BigInt,
        stock -> Integer,
        weight_grams -> Nullable<Integer>,
        active -> Bool,
        image_id -> Nullable<BigInt>,
        position -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    product_values (value_id, product_id) {
        value_id -> BigInt,
        product_id -> BigInt,
        in_stock -> Bool,
    }
}

diesel::joinable!(product_values -> products (product_id));
diesel::joinable!(product_values -> option_values (value_id));
diesel::joinable!(option_translations -> options (option_id));
diesel::joinable!(option_values -> options (option_id));
diesel::joinable!(option_value_translations -> option_values (value_id));
diesel::joinable!(product_options -> options (option_id));
diesel::joinable!(product_options -> products (product_id));
diesel::joinable!(product_variants -> products (product_id));
diesel::joinable!(cart_lines -> product_variants (variant_id));

diesel::joinable!(site_page_revisions -> users (author_id));
diesel::joinable!(product_reports -> products (product_id));
diesel::joinable!(product_reports -> users (reporter_id));

diesel::joinable!(payouts -> payout_batches (batch_id));

diesel::allow_tables_to_appear_in_same_query!(
    destination_restrictions,
    product_customs,
    order_shipments,
    order_taxes,
    order_arrivals,
    coupons,
    coupon_redemptions,
    promo_views,
    product_views,
    wishlist_items,
    reviews,
    review_photos,
    review_reports,
    product_ratings,
    shop_ratings,
    order_coupons,
    promo_participants,
    refunds,
    disputes,
    shop_bank_accounts,
    password_resets,
    email_verifications,
    payment_cursors,
    payout_batches,
    payouts,
    merchants,
    merchant_translations,
    site_page_revisions,
    product_reports,
    categories,
    category_translations,
    products,
    product_translations,
    product_images,
    product_image_translations,
    exchange_rates,
    tax_rules,
    search_terms,
    search_reindex,
    payments,
    payment_events,
    commission_rates,
    ledger_transactions,
    ledger_entries,
    facet_counts,
    users,
    auth_sessions,
    auth_attempts,
    category_slug_history,
    search_misses,
    search_stats,
    search_corrections,
    audit_log,
    shipping_rates,
    pending_imports,
    carts,
    cart_lines,
    addresses,
    orders,
    order_lines,
    order_events,
    notifications,
    promos,
    promo_translations,
    promo_targets,
    promo_featured,
    options,
    option_translations,
    option_values,
    option_value_translations,
    product_options,
    product_variants,
    product_values,
);
diesel::joinable!(order_coupons -> coupons (coupon_id));
diesel::joinable!(order_taxes -> orders (order_id));
