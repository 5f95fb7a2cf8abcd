## Reviews by verified buyers, shop replies, reports and moderation.

merchant-nav-reviews = Reviews
staff-nav-reviews = Reviews
review-heading = Reviews
review-none = No reviews yet.
review-none-match = No reviews match these filters.
review-rated = Rated { $average } out of 5
review-rated-count = { $count ->
    [one] Rated { $average } out of 5, { $n } review
   *[other] Rated { $average } out of 5, { $n } reviews
}
review-count = { $count ->
    [one] { $n } review
   *[other] { $n } reviews
}
review-stars = { $count ->
    [one] { $n } star
   *[other] { $n } stars
}
review-see-all = { $count ->
    [one] Read the review
   *[other] Read all { $n } reviews
}
review-distribution = How many reviews gave each number of stars
review-bought-in = bought in { $country }
review-written-in = { $lang ->
    [ru] Written in Russian
    [tr] Written in Turkish
    [it] Written in Italian
    [es] Written in Spanish
   *[en] Written in English
}
review-photo-alt = Photo by { $author }
review-reply-label = The shop replied
review-page-title = Reviews of { $product }
review-filter-stars = Stars
review-filter-all-stars = All ratings
review-filter-lang = Language
review-filter-all-langs = All languages
review-filter-photos = With photos only
review-filter-apply = Show
review-report = Report a review
review-report-which = Report the review by { $author } as
review-report-send = Report
review-reason-spam = Spam or advertising
review-reason-offensive = Offensive or abusive
review-reason-off-topic = Not about this product
review-reason-other = Something else
review-reported = Thank you. Our team will look at this review.
review-reported-already = You have already reported this review.
review-report-throttled = You have sent many reports in the last hour. Please try again later.
review-write-title = Review your purchase
review-order = order { $number }
review-field-rating = Your rating
review-field-title = Title (optional)
review-field-body = Your review (optional)
review-field-lang = Language you write in
review-field-photos = { $count ->
    [one] Photo (optional, up to { $n })
   *[other] Photos (optional, up to { $n })
}
review-submit = Publish review
review-thanks = Thank you for your review. It is now on the product page.
review-rating-required = Choose from 1 to 5 stars.
review-title-too-long = Keep the title under 120 characters.
review-text-too-long = Keep your review under 5,000 characters.
review-lang-required = Choose the language you wrote in.
review-too-many-photos = Add at most 4 photos.
review-not-bought = You can only review products you bought.
review-not-delivered = You can review this product once your order has been delivered.
review-already = You have already reviewed this product.
review-back-to-orders = Back to your orders
review-invite = Review this product
review-reviewed = You reviewed this product
review-shop-title = Reviews of your products
review-shop-intro = Buyers' reviews of your products, newest first. You can reply once to each review, publicly, and edit your reply later. Reviews cannot be changed or removed by the shop.
review-reply-write = Reply publicly
review-reply-edit = Edit your public reply
review-reply-send = Publish reply
review-reply-saved = Your reply is published.
review-reply-required = Write a reply first.
review-reply-too-long = Keep the reply under 2,000 characters.
review-queue-title = Review moderation
review-queue-intro = Reviews reported by shoppers, most reported first, then hidden reviews. Hiding needs a reason, which the buyer's review keeps; a hidden review can be restored. Every decision is in the audit log.
review-reports = { $count ->
    [one] { $n } report
   *[other] { $n } reports
}
review-hide-reason = Reason for hiding
review-hide = Hide
review-hide-reason-required = Give a reason for hiding the review.
review-hidden = The review is hidden and no longer counts in the ratings.
review-hidden-because = Hidden: { $reason }
review-restore = Restore
review-restored = The review is shown again.
mail-note-order-delivered-shopper = Tell other shoppers what you think: open your order and choose “Review this product”. Your review shows your first name, the initial of your last name and your country.
