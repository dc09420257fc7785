
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'hub.alerts.anyArea': `Unrhyw le yn ardal y cyngor`,
'hub.alerts.anyTopic': `Unrhyw bwnc`,
'hub.alerts.check': str`Rydym wedi anfon dolen i ${0}. Agorwch hi i gadarnhau, a byddwn yn anfon e-bost atoch pan fyddwn yn agor ymgynghoriad y gofynnoch amdano.`,
'hub.alerts.checkTitle': `Gwiriwch eich e-bost`,
'hub.alerts.email': `Cyfeiriad e-bost`,
'hub.alerts.failed': `Nid oeddem yn gallu eich cofrestru ar hyn o bryd. Rhowch gynnig arall arni ymhen ychydig funudau.`,
'hub.alerts.heading': `Cael negeseuon e-bost am ymgynghoriadau newydd`,
'hub.alerts.hint': `Byddwn yn anfon dolen atoch i gadarnhau. Mae dolen ym mhob e-bost i'w hatal.`,
'hub.alerts.intro': `Byddwn yn anfon e-bost atoch pan fyddwn yn agor ymgynghoriad ar y pynciau a'r ardaloedd a ddewisoch yn yr hidlyddion.`,
'hub.alerts.invalid': `Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.com`,
'hub.alerts.required': `Rhowch eich cyfeiriad e-bost`,
'hub.alerts.submit': `Tanysgrifio`,
'hub.clear': `Clirio'r chwilio a'r hidlyddion`,
'hub.count.one': `Cafwyd 1 ymgynghoriad`,
'hub.count.other': str`Cafwyd ${0} ymgynghoriad`,
'hub.empty.awaiting': `Nid oes unrhyw ymgynghoriadau sydd wedi cau ac yn aros am benderfyniad yn cyfateb.`,
'hub.empty.open': `Nid oes unrhyw ymgynghoriadau agored yn cyfateb.`,
'hub.empty.outcome': `Nid oes unrhyw ganlyniadau wedi'u cyhoeddi yn cyfateb.`,
'hub.error.body': `Nid oeddem yn gallu llwytho'r ymgynghoriadau ar hyn o bryd. Rhowch gynnig arall arni ymhen ychydig funudau.`,
'hub.error.retry': `Rhoi cynnig arall arni`,
'hub.error.title': `Mae'n ddrwg gennym, mae problem gyda'r gwasanaeth`,
'hub.filter.areas': `Ardaloedd`,
'hub.filter.topics': `Pynciau`,
'hub.filters': `Chwilio a hidlo ymgynghoriadau`,
'hub.group.awaiting': `Wedi cau: rydym yn ystyried yr ymatebion`,
'hub.group.open': `Ymgynghoriadau agored`,
'hub.group.outcome': `Gofynnon ni, dywedoch chi, gwnaethon ni`,
'hub.loading': `Wrthi'n llwytho'r ymgynghoriadau…`,
'hub.meta.closed': `Wedi cau`,
'hub.meta.closes': `Yn cau`,
'hub.meta.wholeArea': `Ardal gyfan y cyngor`,
'hub.search.hint': `Er enghraifft, parcio neu llyfrgell`,
'hub.search.label': `Chwilio ymgynghoriadau`,
'hub.search.submit': `Chwilio`,
    };
  