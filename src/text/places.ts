import { normalizeText } from './normalize.js';

/**
 * Countries, capitals and large cities, in Arabic (with the spellings in
 * common use) and English. Places are what news questions hinge on: a passage
 * about a meeting in Kuwait does not answer "the meeting in Paris", and a
 * "where" question wants a passage that names a place.
 */
const ARABIC = `
أفغانستان ألبانيا الجزائر أندورا أنغولا الأرجنتين أرمينيا أستراليا النمسا أذربيجان البحرين بنغلاديش بيلاروسيا بلجيكا بنين بوتان
بوليفيا البوسنة بوتسوانا البرازيل بروناي بلغاريا بوركينا بوروندي كمبوديا الكاميرون كندا تشاد تشيلي الصين كولومبيا الكونغو كرواتيا
كوبا قبرص التشيك الدنمارك جيبوتي الدومينيكان الإكوادور مصر السلفادور إريتريا إستونيا إثيوبيا فنلندا فرنسا الغابون غامبيا جورجيا
ألمانيا غانا اليونان غواتيمالا غينيا هايتي هندوراس المجر آيسلندا الهند إندونيسيا إيران العراق أيرلندا إسرائيل إيطاليا جامايكا
اليابان الأردن كازاخستان كينيا الكويت قيرغيزستان لاوس لاتفيا لبنان ليبيريا ليبيا ليتوانيا لوكسمبورغ مدغشقر ملاوي ماليزيا 
مالطا موريتانيا المكسيك مولدوفا منغوليا المغرب موزمبيق ميانمار ناميبيا نيبال هولندا نيوزيلندا نيكاراغوا النيجر نيجيريا النرويج
عمان سلطنة باكستان فلسطين بنما الباراغواي البيرو الفلبين بولندا البرتغال قطر رومانيا روسيا رواندا السعودية السنغال صربيا
سيراليون سنغافورة سلوفاكيا سلوفينيا الصومال جنوب أفريقيا إسبانيا سريلانكا السودان سوريا سورية السويد سويسرا تايوان طاجيكستان
تنزانيا تايلاند توغو تونس تركيا تركمانستان أوغندا أوكرانيا الإمارات بريطانيا المملكة المتحدة الولايات المتحدة أمريكا أميركا
الأوروغواي أوزبكستان فنزويلا فيتنام اليمن زامبيا زيمبابوي كوريا إنجلترا اسكتلندا أوروبا آسيا أفريقيا إفريقيا
تيرانا الجزائر لواندا بوينس آيرس يريفان كانبيرا سيدني ملبورن فيينا باكو المنامة دكا مينسك بروكسل برازيليا صوفيا بكين شنغهاي
بوغوتا كينشاسا زغرب هافانا نيقوسيا براغ كوبنهاغن القاهرة الإسكندرية أديس أبابا هلسنكي باريس برلين ميونخ أكرا أثينا بودابست
نيودلهي دلهي مومباي جاكرتا طهران بغداد البصرة الموصل أربيل كركوك دبلن القدس تل أبيب روما ميلانو طوكيو عمّان عمان أستانا نيروبي
بيروت طرابلس بنغازي فيلنيوس بيروت كوالالمبور باماكو نواكشوط مكسيكو الرباط الدار البيضاء مراكش أمستردام لاهاي أبوجا لاغوس أوسلو
مسقط إسلام آباد كراتشي لاهور رام الله غزة ليما مانيلا وارسو لشبونة الدوحة بوخارست موسكو الرياض مكة المدينة المنورة داكار
بلغراد سنغافورة مقديشو بريتوريا جوهانسبرغ مدريد برشلونة الخرطوم ستوكهولم برن جنيف زيورخ دمشق حلب حمص الرقة إدلب دير الزور
عفرين منبج الحسكة القامشلي تايبيه دودوما بانكوك تونس أنقرة إسطنبول كامبالا كييف أبوظبي دبي الشارقة لندن مانشستر واشنطن نيويورك
شيكاغو لوس أنجلوس طشقند كاراكاس هانوي صنعاء عدن لوساكا هراري الكويت الفلوجة الرمادي تكريت سامراء النجف كربلاء الناصرية
نيامي نجامينا واغادوغو بروكسل ستراسبورغ فيينا أوتاوا تورنتو مونتريال سول بيونغ يانغ سيول كانبرا ويلنغتون
`;

const ENGLISH = `
afghanistan albania algeria angola argentina armenia australia austria azerbaijan bahrain bangladesh belarus belgium benin bolivia
bosnia botswana brazil brunei bulgaria burkina burundi cambodia cameroon canada chad chile china colombia congo croatia cuba cyprus
czechia denmark djibouti ecuador egypt eritrea estonia ethiopia finland france gabon gambia georgia germany ghana greece guatemala
guinea haiti honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya kuwait
kyrgyzstan laos latvia lebanon liberia libya lithuania luxembourg madagascar malawi malaysia mali malta mauritania mexico moldova
mongolia morocco mozambique myanmar namibia nepal netherlands holland zealand nicaragua niger nigeria norway oman pakistan palestine
panama paraguay peru philippines poland portugal qatar romania russia rwanda saudi senegal serbia singapore slovakia slovenia somalia
spain lanka sudan syria sweden switzerland taiwan tajikistan tanzania thailand togo tunisia turkey turkmenistan uganda ukraine emirates
usa america britain england scotland uruguay uzbekistan venezuela vietnam yemen zambia zimbabwe korea europe asia africa
kabul tirana algiers luanda canberra sydney vienna baku manama dhaka minsk brussels brasilia sofia beijing shanghai bogota kinshasa
zagreb havana nicosia prague copenhagen cairo alexandria helsinki paris berlin munich accra athens budapest delhi mumbai jakarta tehran
baghdad basra mosul erbil kirkuk dublin jerusalem rome milan tokyo amman nairobi beirut tripoli benghazi kuala bamako nouakchott rabat
casablanca amsterdam hague abuja lagos oslo muscat islamabad karachi lahore ramallah gaza lima manila warsaw lisbon doha bucharest
moscow riyadh jeddah mecca medina dakar belgrade mogadishu pretoria johannesburg madrid barcelona khartoum stockholm bern geneva zurich
damascus aleppo homs raqqa idlib afrin manbij hasakah qamishli taipei bangkok tunis ankara istanbul kampala kyiv kiev dubai london
manchester washington york chicago angeles tashkent caracas hanoi sanaa aden lusaka harare fallujah ramadi tikrit samarra najaf karbala
niamey ndjamena ouagadougou strasbourg ottawa toronto montreal seoul pyongyang wellington
`;

/** Normalized place names (one word each; multi-word names contribute their distinctive word). */
export const PLACE_WORDS: ReadonlySet<string> = new Set(
  `${ARABIC} ${ENGLISH}`
    .split(/\s+/)
    .filter((w) => w.length > 2)
    .map((w) => normalizeText(w))
    .filter((w) => !['المدينه', 'الدار', 'البيضاء', 'جنوب', 'المتحده', 'المملكه', 'الولايات', 'سلطنه', 'المنوره', 'انجلوس'].includes(w)),
);

/** Whether a normalized word names a place, with or without the article and fused particles. */
export function isPlaceWord(normalized: string): boolean {
  if (PLACE_WORDS.has(normalized)) return true;
  for (const prefix of ['وال', 'بال', 'لل', 'ال', 'و', 'ب', 'ل', 'ف']) {
    if (normalized.startsWith(prefix) && normalized.length - prefix.length >= 3) {
      const rest = normalized.slice(prefix.length);
      if (PLACE_WORDS.has(rest) || PLACE_WORDS.has(`ال${rest}`)) return true;
    }
  }
  return false;
}
