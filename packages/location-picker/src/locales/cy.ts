
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'picker.assetChosen': str`Wedi dewis ${0}.`,
'picker.assetListHint': `Yr agosaf yn gyntaf. Mae dewis un yn symud y pin ato.`,
'picker.assetListLabel': `Pa un ydyw?`,
'picker.assetListNamed': str`${0} ger y lle a ddewisoch`,
'picker.assetNear': str`Mae ${0} ${1} metr i ffwrdd. Pwyswch Enter i'w ddewis.`,
'picker.assetNone': `Rydych wedi dweud na allwch ddod o hyd iddo ar y map. Mae'r lle a ddewisoch yn cael ei gadw.`,
'picker.assetNotFound': `Dydw i ddim yn gallu dod o hyd iddo ar y map`,
'picker.assetOption': str`${0}, ${1} metr i ffwrdd`,
'picker.assetOptionOne': str`${0}, 1 metr i ffwrdd`,
'picker.assetsKey': `Gellir dewis cylchoedd melyn: cliciwch ar un, neu symudwch y pin yn agos ato a phwyso Enter.`,
'picker.chosen': `Lleoliad wedi'i ddewis.`,
'picker.chosenLabel': `Lleoliad a ddewiswyd:`,
'picker.describeHint': `Er enghraifft, 12 Stryd Fawr, neu'r llwybr troed y tu ôl i'r llyfrgell.`,
'picker.describeInstead': `Disgrifiwch ble mae yn lle hynny`,
'picker.describeLabel': `Cyfeiriad, neu ddisgrifiad o'r lle`,
'picker.east': `i'r dwyrain`,
'picker.enterQuery': `Rhowch gyfeiriad neu god post i chwilio amdano`,
'picker.geoDenied': `Nid ydych wedi caniatáu i'r dudalen hon ddefnyddio eich lleoliad. Chwiliwch am gyfeiriad neu god post yn lle hynny, neu caniatewch leoliad yng ngosodiadau eich porwr.`,
'picker.geoTimeout': `Cymerodd yn rhy hir i ddod o hyd i'ch lleoliad. Rhowch gynnig arall arni, neu chwiliwch am gyfeiriad neu god post.`,
'picker.geoUnavailable': `Nid oedd modd dod o hyd i'ch lleoliad. Chwiliwch am gyfeiriad neu god post yn lle hynny.`,
'picker.goToNeighbour': str`Ewch i ${0}`,
'picker.inNeighbour': str`Mae'r lleoliad hwn yn ${0}.`,
'picker.listLabel': `Cyfeiriadau`,
'picker.locating': `Wrthi'n dod o hyd i'ch lleoliad…`,
'picker.locationLabel': `Lleoliad:`,
'picker.manyFound': str`Cafwyd hyd i ${0} cyfeiriad. Defnyddiwch y bysellau saeth i fyny ac i lawr i ddewis un, yna pwyswch Enter.`,
'picker.map': `map`,
'picker.mapFailed': `Nid oedd modd dangos y map. Gallwch chwilio am gyfeiriad neu god post o hyd, neu ddefnyddio eich lleoliad.`,
'picker.mapHelp': `Cliciwch neu tapiwch y map i ollwng y pin, neu llusgwch ef.`,
'picker.mapLabel': `Map. Defnyddiwch y bysellau saeth i symud y pin, daliwch Shift i symud llai, a plws a minws i chwyddo.`,
'picker.moved': str`Symudwyd y pin ${0} metr ${1}.`,
'picker.near': str`Ger ${0}.`,
'picker.noAddressNear': `Ni chafwyd hyd i gyfeiriad ger y pwynt hwn.`,
'picker.noGeocoder': `Nid yw chwilio am gyfeiriad ar gael. Dewiswch bwynt ar y map.`,
'picker.noneFound': str`Ni chafwyd hyd i gyfeiriadau ar gyfer “${0}”. Gwiriwch y sillafu, chwiliwch am god post, neu disgrifiwch ble mae yn lle hynny.`,
'picker.north': `i'r gogledd`,
'picker.oneFound': `Cafwyd hyd i 1 cyfeiriad. Defnyddiwch y fysell saeth i lawr i'w ddewis, yna pwyswch Enter.`,
'picker.outside': `Mae'r lleoliad hwn y tu allan i'r ardal rydym yn gofalu amdani. Dewiswch le o fewn yr ardal.`,
'picker.outsideNamed': str`Mae'r lleoliad hwn y tu allan i ${0}. Dewiswch le o fewn yr ardal.`,
'picker.pin': `Lleoliad a ddewiswyd`,
'picker.point': str`y pwynt yn ${0}, ${1}`,
'picker.readonlyMap': `Map o'r lleoliad`,
'picker.reportsKey': `Mae cylchoedd oren yn broblemau sydd eisoes wedi'u hadrodd: dewiswch un i'w gweld.`,
'picker.required': `Rhowch leoliad neu dewiswch bwynt ar y map`,
'picker.search': `Chwilio`,
'picker.searchFailed': `Nid yw chwilio am gyfeiriad yn gweithio ar hyn o bryd. Rhowch gynnig arall arni, neu dewiswch bwynt ar y map.`,
'picker.searchFailedWords': `Nid yw chwilio am gyfeiriad yn gweithio ar hyn o bryd. Teipiwch y cyfeiriad neu disgrifiwch y lle yn lle hynny.`,
'picker.searching': `Wrthi'n chwilio…`,
'picker.searchInstead': `Chwiliwch am gyfeiriad yn lle hynny`,
'picker.searchLabel': `Cyfeiriad neu god post`,
'picker.south': `i'r de`,
'picker.useLocation': `Defnyddio fy lleoliad`,
'picker.west': `i'r gorllewin`,
    };
  