/*
 * What a CMS theme's jQuery does on every page: decorate form controls, hijack in-page links
 * and Enter, disable buttons on submit, wrap tables, and an old plugin that extends built-in
 * prototypes. The widgets render in shadow roots, so none of this reaches their controls.
 */
/* global jQuery */
// Old plugins added enumerable methods to built-ins; code that uses for…in over arrays breaks.
Array.prototype.cmsUnique = function () {
  return this.filter((item, index) => this.indexOf(item) === index);
};
window.cmsReady = false;

jQuery(function ($) {
  $('input, select, textarea').addClass('form-control input-lg');
  $('button').addClass('btn btn-primary');
  // Smooth scrolling that swallows every in-page link (error summaries use them).
  $(document).on('click', 'a[href^="#"]', function (event) {
    event.preventDefault();
    const target = $(this.getAttribute('href'));
    if (target.length) $('html, body').animate({ scrollTop: target.offset().top }, 200);
  });
  // "Stop accidental submits": Enter in any input does nothing.
  $(document).on('keydown', 'input', function (event) {
    if (event.key === 'Enter') event.preventDefault();
  });
  // Double-submit protection that disables every button of any form submitted.
  $(document).on('submit', 'form', function () {
    $(this).find('button, [type=submit]').prop('disabled', true);
  });
  $('table').wrap('<div class="table-responsive"></div>');
  // Analytics that reads every click target's text.
  $(document).on('click', function (event) {
    window.cmsLastClick = $(event.target).text().slice(0, 40);
  });
  $.ajaxSetup({ cache: false, timeout: 1 });
  window.cmsReady = true;
});
