
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'date.day': `Diwrnod`,
'date.missingOne': str`Rhaid i'r dyddiad gynnwys ${0}`,
'date.missingSome': `Rhaid i'r dyddiad gynnwys diwrnod, mis a blwyddyn`,
'date.month': `Mis`,
'date.notFuture': `Rhaid i'r dyddiad fod heddiw neu yn y gorffennol`,
'date.notReal': `Rhaid i'r dyddiad fod yn ddyddiad go iawn`,
'date.part.day': `ddiwrnod`,
'date.part.month': `fis`,
'date.part.year': `flwyddyn`,
'date.required': `Rhowch ddyddiad`,
'date.year': `Blwyddyn`,
'date.yearDigits': `Rhaid i'r flwyddyn gynnwys 4 rhif`,
'errorSummary.title': `Mae yna broblem`,
'field.checkboxes.required': `Dewiswch o leiaf un opsiwn`,
'field.choice.or': `neu`,
'field.choice.required': `Dewiswch opsiwn`,
'field.count.charsLeft': str`Mae gennych ${0} nod ar ôl`,
'field.count.charsOver': str`Mae gennych ${0} nod yn ormod`,
'field.count.wordsLeft': str`Mae gennych ${0} gair ar ôl`,
'field.count.wordsOver': str`Mae gennych ${0} gair yn ormod`,
'field.errorPrefix': `Gwall:`,
'field.optional': `(dewisol)`,
'field.select.placeholder': `Dewiswch opsiwn`,
'field.text.required': `Rhowch ateb`,
'page.back': `Yn ôl`,
'page.continue': `Parhau`,
'page.progress': str`Tudalen ${0} o ${1}`,
'validator.email': `Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.com`,
'validator.max': str`Rhaid i ${0} fod yn ${1} neu lai`,
'validator.maxLength': str`Rhaid i ${0} fod yn ${1} nod neu lai`,
'validator.maxWords': str`Rhaid i ${0} fod yn ${1} gair neu lai`,
'validator.min': str`Rhaid i ${0} fod yn ${1} neu fwy`,
'validator.number': str`Rhaid i ${0} fod yn rhif`,
'validator.phone': `Rhowch rif ffôn, fel 01632 960 001, 07700 900 982 neu +44 808 157 0192`,
    };
  