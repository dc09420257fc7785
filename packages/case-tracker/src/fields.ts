// The core form fields (the tracker uses the text input and the error summary), fetched only
// when a form is shown: a case linked from a confirmation page or an email needs none.
import '@civic-widgets/core/define';
