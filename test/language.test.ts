import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {clean, createBlockNode, DechaffConfigError, dechaffParseText, dechaffPhrases, detectLanguage, languageProfile, type Block, type Root} from '../src/index.js'
import {blocksOf} from '../src/tree.js'

const start = {line: 1, column: 1, offset: 0}
const evidence = {index: 0, kind: 'line' as const, blankLinesBefore: 0, linkDensity: 0}

/** One block read as a page in the given language reads it. */
function blockIn(code: string, text: string): Block {
  return createBlockNode(text, start, evidence, languageProfile(code)).data.block
}

/** Blocks of a text page in the given language after the phrase classifier. */
function phrasesIn(code: string, lines: string[]): Block[] {
  const processor = unified().use(dechaffParseText, {language: code}).use(dechaffPhrases)
  const tree = processor.runSync(processor.parse(lines.join('\n\n'))) as Root
  return blocksOf(tree).map((node) => node.data.block)
}

const samples: Array<[string, string]> = [
  ['de', 'Die Gemeinde hat am Dienstag beschlossen, die Bibliothek im alten Schulhaus wieder zu öffnen, nachdem sich viele Freiwillige gemeldet hatten.'],
  ['fr', 'La commune a décidé mardi de rouvrir la bibliothèque de l’ancienne école, après que de nombreux bénévoles se sont proposés pour l’animer.'],
  ['es', 'El ayuntamiento decidió el martes reabrir la biblioteca de la antigua escuela después de que muchos voluntarios se ofrecieran a atenderla.'],
  ['pt', 'A câmara decidiu na terça-feira reabrir a biblioteca da antiga escola, depois de muitos voluntários se terem oferecido para a gerir.'],
  ['pl', 'Gmina postanowiła we wtorek ponownie otworzyć bibliotekę w starej szkole, ponieważ zgłosiło się wielu wolontariuszy chętnych do pomocy.'],
  ['ru', 'Во вторник администрация решила снова открыть библиотеку в здании старой школы, после того как нашлось много добровольцев.'],
  ['zh', '镇政府周二决定重新开放老学校里的图书馆，因为有很多志愿者报名帮忙管理借书和组织读书会。'],
  ['ja', '町は火曜日、多くのボランティアが名乗り出たことを受けて、旧校舎の図書館を再び開くことを決めました。']
]

describe('language identification', () => {
  it.each(samples)('tells %s from its prose', (code, text) => {
    expect(detectLanguage([text])).toBe(code)
  })

  it('reads the longest blocks, not an English menu', () => {
    expect(detectLanguage(['Home', 'News', 'Sport', 'Contact us', samples[0][1], samples[0][1]])).toBe('de')
  })

  it('names the language by its script where eld is unsure: Chinese written with a space between characters', () => {
    const spaced = [...(samples[6][1])].join(' ')
    expect(detectLanguage([spaced, spaced])).toBe('zh')
    expect(detectLanguage([[...(samples[7][1])].join(' ')])).toBe('ja')
  })

  it('keeps English prose English when it quotes a few Chinese characters', () => {
    expect(detectLanguage(['The museum in Beijing (北京) reopened its library on Tuesday after many volunteers offered to run the lending desk.'])).toBe('en')
  })

  it('says und for a page with too little text', () => {
    expect(detectLanguage(['OK', '12'])).toBe('und')
  })

  it('reports the language in clean()’s result, detected or given', () => {
    expect(clean(samples[4][1], {input: 'text'}).language).toEqual({code: 'pl', source: 'detected'})
    expect(clean(samples[4][1], {input: 'text', language: 'cs'}).language).toEqual({code: 'cs', source: 'option'})
    expect(clean('<html><body><p>Hi</p></body></html>').language).toEqual({code: 'und', source: 'default'})
  })

  it('rejects a language option that is no ISO 639-1 code', () => {
    expect(() => clean('text', {language: 'german'})).toThrow(DechaffConfigError)
  })
})

describe('language-aware evidence', () => {
  it('counts each language’s stopwords', () => {
    expect(blockIn('de', samples[0][1]).features.stopwordDensity).toBeGreaterThan(0.25)
    expect(blockIn('en', samples[0][1]).features.stopwordDensity).toBeLessThan(0.1)
    expect(blockIn('ru', samples[5][1]).features.stopwordDensity).toBeGreaterThan(0.2)
    expect(blockIn('pl', samples[4][1]).features.stopwordDensity).toBeGreaterThan(0.2)
  })

  it('splits sentences of other alphabetic languages with parse-latin', () => {
    const block = blockIn('fr', 'Le marché ouvre à huit heures. Les producteurs arrivent à vélo ! Qui l’aurait cru ?')
    expect(block.sentences).toHaveLength(3)
    expect(block.words).toContain('producteurs')
  })

  it('segments Chinese and Japanese into words with Intl.Segmenter', () => {
    const chinese = blockIn('zh', samples[6][1])
    expect(chinese.words.length).toBeGreaterThan(15)
    expect(chinese.words).toContain('政府')
    expect(chinese.features.stopwordDensity).toBeGreaterThan(0)
    expect(blockIn('ja', samples[7][1]).words.length).toBeGreaterThan(12)
  })

  it('splits Chinese sentences at their full stops', () => {
    expect(blockIn('zh', '书店重新开门了。很多人来买书！你去过吗？').sentences).toHaveLength(3)
  })

  it('measures length in script-neutral units', () => {
    const sentence = blockIn('zh', '关闭三年的古城新华书店上周六重新开门，门前排起了长队。')
    expect(sentence.text.length).toBeLessThan(30)
    expect(sentence.features.chars).toBeGreaterThanOrEqual(70)
    expect(blockIn('zh', '首页').features.chars).toBeLessThan(10)
    expect(blockIn('en', 'Home').features.chars).toBe(4)
  })

  it('keeps prose of a language without a stopword list, judged on length and shape', () => {
    const georgian = [
      'ქალაქის საბჭომ სამშაბათს გადაწყვიტა, რომ ძველი სკოლის შენობაში ბიბლიოთეკა ხელახლა გაიხსნება, რადგან ბევრი მოხალისე გამოეხმაურა მოწოდებას.',
      'ბიბლიოთეკა კვირაში სამ დღეს იმუშავებს, ბავშვებისთვის კი შაბათობით კითხვის საათი მოეწყობა და ხანდაზმულ მკითხველებს წიგნებს სახლში მიუტანენ.'
    ].join('\n\n')
    const result = clean(georgian, {input: 'text', language: 'ka'})
    expect(result.text).toContain('ბიბლიოთეკა კვირაში')
    expect(result.text).toContain('ქალაქის საბჭომ')
  })
})

describe('furniture in other languages', () => {
  it('removes a Russian masthead and keeps a Russian sentence about a founder', () => {
    const about = 'Учредитель фонда рассказал журналистам, что уже в следующем году библиотека в старой школе снова откроется для читателей.'
    const blocks = phrasesIn('ru', ['Учредитель и редакция:', 'Учредитель: ООО «Вести Края»', about])
    expect(blocks.map((block) => block.removal?.ruleId)).toEqual(['legal', 'legal', undefined])
  })

  it('removes a German comment form and keeps a German sentence about comments', () => {
    const about = 'Als die Gemeinde ihren Aufruf veröffentlichte, kamen in den Kommentaren innerhalb eines Tages mehr als hundert Angebote zusammen.'
    const blocks = phrasesIn('de', ['Kommentar schreiben', 'Ihre E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert.', about])
    expect(blocks.map((block) => block.removal?.ruleId)).toEqual(['comment-form', 'comment-form', undefined])
  })

  it.each([
    ['de', 'Die Redaktion macht sich die Inhalte der Kommentare nicht zu eigen.'],
    ['fr', 'Les commentaires publiés n’engagent que leurs auteurs.'],
    ['es', 'Los comentarios publicados son responsabilidad exclusiva de sus autores.'],
    ['pl', 'Redakcja nie ponosi odpowiedzialności za treść komentarzy.'],
    ['ru', 'Мнение редакции может не совпадать с мнением авторов комментариев.'],
    ['el', 'Τα σχόλια εκφράζουν μόνο τους συντάκτες τους.']
  ])('removes a comment section’s disclaimer in %s', (language, line) => {
    expect(phrasesIn(language, [line])[0]?.removal?.ruleId).toBe('comment-form')
  })

  it.each([
    ['de', 'Warum sehe ich diese Anzeige?', 'advertisement'],
    ['pl', 'Dlaczego widzę tę reklamę?', 'advertisement'],
    ['fr', 'Les clients ayant consulté cet article ont également consulté', 'recirculation'],
    ['ru', 'С этим товаром покупают', 'recirculation']
  ])('removes a shop’s ad label or recommendation heading in %s: %j', (language, line, rule) => {
    expect(phrasesIn(language, [line])[0]?.removal?.ruleId).toBe(rule)
  })

  it.each([
    ['ru', 'Ещё по теме выборов высказался губернатор, который назвал итоги голосования честными.'],
    ['pl', 'Raport opracowano na podstawie danych z trzech szpitali, które przekazały je ministerstwu w grudniu.'],
    ['pl', 'Skomentuj wypowiedź ministra, poprosiła nauczycielka, a uczniowie przez godzinę spierali się o jej sens.']
  ])('keeps a sentence in %s that opens like furniture: %j', (language, line) => {
    expect(phrasesIn(language, [line])[0]?.removal).toBeUndefined()
  })

  it('keeps a Russian sentence about an editor’s opinion', () => {
    const about = 'Мнение редакции газеты о новом законе совпадает с мнением большинства читателей, написавших нам за неделю.'
    expect(phrasesIn('ru', [about])[0]?.removal).toBeUndefined()
  })

  it.each([
    ['de', 'Zum Inhalt springen', 'skip-link'],
    ['pl', 'Skocz do tekstu', 'skip-link'],
    ['ru', 'Смотреть позже', 'share-row'],
    ['ru', 'Все материалы рубрики', 'recirculation'],
    ['pl', 'Skomentuj wypowiedź', 'comment-form'],
    ['pl', 'Opracowano na podstawie', 'source-credit'],
    ['pl', 'Aby ustawić se.pl jako stronę startową', 'skip-link'],
    ['ru', 'Ещё по теме', 'recirculation'],
    ['ru', 'Скачать аудио файл', 'share-row'],
    ['el', 'Σύνδεσμοι διαφημιζομένων', 'advertisement'],
    ['de', 'Diese Website verwendet Cookies. Durch die weitere Nutzung der Seite stimmen Sie der Verwendung von Cookies zu.', 'cookie-notice'],
    ['de', 'Das könnte Sie auch interessieren', 'recirculation'],
    ['de', 'Jetzt Newsletter abonnieren', 'newsletter'],
    ['de', 'Vielen Dank! Ihre Nachricht wurde erfolgreich gesendet.', 'newsletter'],
    ['de', 'Hoppla! Beim Absenden des Formulars ist ein Fehler aufgetreten.', 'newsletter'],
    ['de', 'Mit der Anmeldung bestätigen Sie, dass Sie unsere Datenschutzerklärung gelesen haben.', 'newsletter'],
    ['fr', 'En cliquant sur « S’inscrire », vous acceptez nos conditions générales d’utilisation.', 'newsletter'],
    ['es', 'Al hacer clic en Suscribirme, aceptas nuestra política de privacidad.', 'newsletter'],
    ['pt', 'Ao clicar em Enviar, você concorda com os nossos termos de uso.', 'newsletter'],
    ['it', 'Cliccando su Iscriviti, accetti la nostra informativa sulla privacy.', 'newsletter'],
    ['nl', 'Door je aan te melden ga je akkoord met onze voorwaarden.', 'newsletter'],
    ['pl', 'Klikając Zapisz się, akceptujesz regulamin serwisu.', 'newsletter'],
    ['ru', 'Нажимая кнопку «Подписаться», вы соглашаетесь с условиями обработки персональных данных.', 'newsletter'],
    ['fr', 'Merci ! Votre message a bien été envoyé.', 'newsletter'],
    ['fr', "Oups ! Une erreur s'est produite lors de l'envoi du formulaire.", 'newsletter'],
    ['es', '¡Gracias! Tu mensaje ha sido enviado correctamente.', 'newsletter'],
    ['es', 'Ups, algo salió mal al enviar el formulario.', 'newsletter'],
    ['ru', 'Сетевое издание «Вести Края» зарегистрировано Федеральной службой по надзору в сфере связи, информационных технологий и массовых коммуникаций.', 'legal'],
    ['ru', 'Свидетельство о регистрации СМИ Эл № ФС77-12345 от 1 марта 2011 года.', 'legal'],
    ['ru', 'Учредитель и редакция:', 'legal'],
    ['ru', 'Пожалуйста, уважайте труд журналистов: не перепечатывайте материалы без ссылки на источник.', 'legal'],
    ['ru', 'Мы весьма признательны всем, кто использует наши тексты со ссылкой на сайт.', 'legal'],
    ['pl', 'Prenumeratorom wydania cyfrowego przysługuje prawo bezpłatnego dostępu do archiwum.', 'legal'],
    ['fr', 'Laisser un commentaire', 'comment-form'],
    ['fr', 'Votre adresse e-mail ne sera pas publiée.', 'comment-form'],
    ['fr', 'À lire aussi', 'recirculation'],
    ['fr', 'Lire la suite', 'read-more'],
    ['es', 'Deja un comentario', 'comment-form'],
    ['es', 'Compartir en Facebook', 'share-row'],
    ['es', 'Noticias relacionadas', 'recirculation'],
    ['pt', 'Deixe um comentário', 'comment-form'],
    ['pt', 'Leia também', 'recirculation'],
    ['it', 'Lascia un commento', 'comment-form'],
    ['it', 'Tutti i diritti riservati', 'legal'],
    ['nl', 'Laat een reactie achter', 'comment-form'],
    ['nl', 'Lees ook', 'recirculation'],
    ['pl', 'Dodaj komentarz', 'comment-form'],
    ['pl', 'Zobacz także', 'recirculation'],
    ['pl', 'Wersja do druku', 'share-row'],
    ['ru', 'Оставить комментарий', 'comment-form'],
    ['ru', 'Читайте также', 'recirculation'],
    ['ru', 'Версия для печати', 'share-row'],
    ['ru', '© 2023 Вести. Все права защищены.', 'legal'],
    ['zh', '发表评论', 'comment-form'],
    ['zh', '相关新闻', 'recirculation'],
    ['zh', '分享到：微信 微博', 'share-row'],
    ['zh', '版权所有 © 2024 未经授权禁止转载', 'legal'],
    ['ja', 'コメントを書く', 'comment-form'],
    ['ja', '関連記事', 'recirculation'],
    ['ja', '続きを読む', 'read-more'],
    ['el', 'Αποστολή Εκτύπωση Μέγεθος κειμένου Μοιραστείτε το:', 'share-row'],
    ['el', 'Γράψτε το σχόλιό σας', 'comment-form'],
    ['el', 'Διαβάστε επίσης', 'recirculation'],
    ['el', 'Ο ιστότοπος χρησιμοποιεί cookies για να βελτιώσει την εμπειρία σας.', 'cookie-notice'],
    ['ru', 'Нашли опечатку? Выделите её и нажмите Ctrl+Enter', 'feedback-widget'],
    ['ru', 'Если вы заметили ошибку, выделите необходимый текст и нажмите Ctrl+Enter, чтобы сообщить об этом редакции', 'feedback-widget'],
    ['ru', 'Зарегистрируйтесь или войдите, чтобы оставить комментарий (сейчас комментариев: 0)', 'comment-form'],
    ['ru', 'Ваше имя: Комментарий: *', 'comment-form'],
    ['ru', 'Просмотров: 28', 'source-credit'],
    ['ru', 'По материалам: Med Daily', 'source-credit'],
    ['ru', 'Ссылки по теме:', 'recirculation'],
    ['ru', 'Читайте другие материалы по теме:', 'recirculation'],
    ['ru', 'Теги: здоровье, медицина', 'source-credit'],
    ['ru', 'Присоединяйтесь к нам на Facebook, Twitter, В контакте.', 'share-row'],
    ['ru', 'Загружается, подождите...', 'javascript-notice'],
    ['ru', 'Фото', 'section-label'],
    ['ru', 'Опрос читателей «НР»', 'feedback-widget'],
    ['ru', 'Результат опроса', 'feedback-widget'],
    ['ru', 'Тизерная сеть GlobalTeaser', 'advertisement'],
    ['ru', 'Все права на материалы, опубликованные на сайте «Вести.Ru», охраняются законом.', 'legal'],
    ['el', 'ΣΧΕΤΙΚΑ ΑΡΘΡΑ', 'recirculation'],
    ['el', 'Παρόμοια θέματα', 'recirculation'],
    ['el', 'ΠΑΡΟΜΟΙΑ ΘΕΜΑΤΑ', 'recirculation'],
    ['el', 'ΔΙΑΒΑΣΤΕ ΕΠΙΣΗΣ', 'recirculation'],
    ['pl', 'Warto przeczytać', 'recirculation'],
    ['pl', 'Najczęściej komentowane:', 'recirculation'],
    ['pl', 'Zobacz wszystkie artykuły w kategorii Kultura', 'recirculation'],
    ['pl', 'A A A Drukuj', 'share-row'],
    ['ru', 'Комментарий пользователя будет удален, если он:', 'comment-form'],
    ['pl', 'Opinie (12)', 'comment-form'],
    ['pl', 'Wybrane komentarze', 'comment-form'],
    ['ru', 'Лучшие комментарии', 'comment-form'],
    ['de', 'Leserkommentare (14)', 'comment-form'],
    ['de', 'Ausgewählte Kommentare', 'comment-form'],
    ['fr', 'Les commentaires des lecteurs', 'comment-form'],
    ['fr', 'Réactions des internautes (3)', 'comment-form'],
    ['es', 'Comentarios destacados', 'comment-form'],
    ['pl', 'Ocena: +8 [8]', 'comment-form'],
    ['pl', 'Autor: asl, kan; Źródło: PAP', 'source-credit'],
    ['pl', '(PAP)', 'source-credit'],
    ['pl', 'pap, ps', 'source-credit'],
    ['pl', 'Jeśli zauważyłeś błąd, zaznacz go i naciśnij Ctrl+Enter.', 'feedback-widget'],
    ['pl', 'Jesteśmy też na Facebooku! Dołącz do nas!', 'share-row'],
    ['pl', 'Wykop', 'share-row'],
    ['pl', 'DODAJ DO', 'share-row'],
    ['pl', 'Skomentuj (0)', 'comment-form'],
    ['pl', 'OCEŃ', 'feedback-widget'],
    ['pl', '0.00/0 OCEN', 'feedback-widget'],
    ['pl', 'Popularne zdjęcia', 'recirculation'],
    ['pl', 'Zarejestruj się, aby uzyskać bezpłatny dostęp do 25 artykułów miesięcznie.', 'legal'],
    ['pl', 'Żaden fragment tekstów ani zdjęć zamieszczonych w serwisie nie może być kopiowany, powielany ani rozpowszechniany w jakiejkolwiek formie i w jakikolwiek sposób, w tym elektroniczny, mechaniczny lub inny, na żadnym polu eksploatacji, włącznie z fotokopiowaniem, digitalizacją i umieszczaniem w Internecie, bez uprzedniej pisemnej zgody wydawcy serwisu i autorów tekstów', 'legal'],
    ['ru', 'Правовые ограничения: все материалы сайта, включая тексты, фотографии, видео и графику, предоставлены редакцией и авторами на условиях лицензионных договоров, и любое их использование, в том числе перепечатка, цитирование свыше двух абзацев и размещение в социальных сетях, возможно только с письменного согласия правообладателя и с активной ссылкой на первоисточник в начале публикации', 'legal'],
    ['zh', '【责任编辑：王婧】', 'source-credit'],
    ['zh', '(李沐阳 编辑)', 'source-credit'],
    ['zh', '2012-01-12 14:00:35 來源：福州晚報 編輯：孫亞萍', 'source-credit'],
    ['zh', '王嘉源／綜合報導', 'source-credit'],
    ['zh', '已有0人阅读', 'source-credit'],
    ['zh', '字号：T|T', 'share-row'],
    ['zh', '調整字體︰大 中 小', 'share-row'],
    ['zh', '以上內容皆由各著作權所有人所提供，請勿擅自引用或轉載。', 'legal'],
    ['zh', '① 凡本網注明“稿件來源：新華網”的所有文字、圖片和音視頻稿件，版權均屬新華網所有。', 'legal'],
    ['zh', '本網現已開設Facebook專頁，讓你即時掌握本地及國際新聞！快點到Facebook Like我們的專頁！[按此 Like]', 'share-row'],
    ['zh', '欢迎关注我们的微信公众号', 'share-row'],
    ['zh', '凡本網注明“來源：新華網”的所有作品，版權均屬于新華社。已經本網授權使用作品的，應在授權範圍內使用。違反上述聲明者，本網將追究其相關法律責任。', 'legal'],
    ['zh', '訂閱《新華快訊》:移動發送"KX"到10621200,聯通發送"01"到10621200。', 'newsletter'],
    ['zh', '（責任編輯 余淩雲）', 'source-credit'],
    ['zh', '轉寄好友｜友善列印 | 檢舉本文', 'share-row'],
    ['el', 'Βρίσκεστε εδώ: Αρχική ΕΙΔΗΣΕΙΣ Υγεία Νέοι όροι περίθαλψης για τους ασφαλισμένους', 'skip-link'],
    ['el', 'emailεκτύπωσημικρό μέγεθος μεγάλο μέγεθος', 'share-row'],
    ['zh', '复制成功，按CTRL+V发送给好友、论坛或博客。', 'share-row'],
    ['zh', '您的JavaScript关闭或你的Adobe Flash播放器过时。', 'javascript-notice'],
    ['zh', '本著作係採用創用 CC 「姓名標示─非商業性─禁止改作 3.0 台灣版」授權條款', 'legal']
  ])('%s: “%s” is %s', (code, line, ruleId) => {
    const blocks = phrasesIn(code, [line])
    expect(blocks.map((block) => block.removal?.ruleId)).toEqual([ruleId])
  })

  it.each([
    ['fr', 'Les lecteurs ont laissé un commentaire sous chaque article pour réclamer le retour du marché du samedi.'],
    ['es', 'Los vecinos dejaron un comentario en la web del ayuntamiento para pedir que el huerto siguiera abierto.'],
    ['pl', 'Mieszkańcy dodali komentarz pod ogłoszeniem gminy i poprosili o dłuższe godziny kursowania promu.'],
    ['ru', 'Жители оставили комментарий под новостью и попросили продлить работу обсерватории на выходные.'],
    ['zh', '很多网友在新闻下面发表评论，希望书店能够延长营业时间。'],
    ['zh', '立法會議員周三開設了Facebook專頁，稱會在上面回應市民對交通安排的查詢。'],
    ['zh', '警方呼籲市民關注天氣變化，避免前往郊野公園。'],
    ['zh', '法院認為，被告違反上述規定，應承擔賠償責任。'],
    ['zh', '讀者訂閱《人民日報》的人數去年增加了一成。'],
    ['el', 'Οι αναγνώστες άφησαν πολλά σχόλια κάτω από το άρθρο και ζήτησαν να μείνει ανοιχτή η βιβλιοθήκη.'],
    ['el', 'ΤΑ ΣΧΕΤΙΚΑ ΑΡΘΡΑ ΤΟΥ ΝΟΜΟΥ ΤΡΟΠΟΠΟΙΗΘΗΚΑΝ ΧΘΕΣ ΑΠΟ ΤΗ ΒΟΥΛΗ ΜΕΤΑ ΑΠΟ ΜΑΚΡΑ ΣΥΖΗΤΗΣΗ.'],
    ['ru', 'По данным Росстата, безработица в регионе выросла до шести процентов.'],
    ['ru', 'Читатели нашли опечатку в заголовке, и редакция исправила её через час.'],
    ['ru', 'Теги помогают читателям находить нужные статьи быстрее, чем поиск по сайту.'],
    ['ru', 'Фото с места событий показывают, что пожарные приехали через десять минут.'],
    ['ru', 'Опрос показал, что большинство жителей поддерживают продление работы библиотеки.'],
    ['ru', 'Голосование в городской думе перенесли на следующую неделю.'],
    ['pl', 'Opinie mieszkańców na temat nowej biblioteki są podzielone, ale większość chwali dłuższe godziny otwarcia.'],
    ['pl', 'Wybrane komentarze czytelników opublikujemy w sobotnim wydaniu gazety.'],
    ['de', 'Ausgewählte Kommentare unserer Leser drucken wir jeden Samstag in der Zeitung ab.'],
    ['es', 'Los comentarios destacados de los lectores se publicarán en la edición del domingo.'],
    ['pl', 'Oceń sam, czy nowa biblioteka była warta swojej ceny, skoro czytelników przybyło o połowę.'],
    ['pl', 'Wykop pod nową halę sportową ruszy wiosną, gdy tylko rozmarznie ziemia na działce przy szkole.'],
    ['pl', 'Więcej w tym roku zarobią emeryci z najniższymi świadczeniami.'],
    ['pl', 'Warto przeczytać tę książkę przed wyjazdem, bo opisuje każdą wioskę nad rzeką.'],
    ['ru', 'Комментарий пользователя будет удален только по решению суда, заявил министр.'],
    ['zh', '记者：你认为今年的房价会下降吗？'],
    ['zh', '编辑部的同事们在周末加班完成了这期特刊。'],
    ['zh', '他把這封信轉寄給好友，請他們列印出來貼在社區公告欄。'],
    ['zh', '多名家長向教育局檢舉本校違規補課，局方表示將派員調查。']
  ])('%s: prose that mentions a furniture word stays', (code, sentence) => {
    expect(phrasesIn(code, [sentence])[0]?.removal).toBeUndefined()
  })

  it.each([
    ['ru', 'Все права на материалы, опубликованные на сайте, охраняются в соответствии с законодательством РФ. При любом использовании материалов гиперссылка на сайт обязательна.'],
    ['ru', 'Сетевое издание «Городские вести» зарегистрировано в Федеральной службе по надзору в сфере связи. Мнение редакции может не совпадать с мнением авторов.'],
    ['ru', 'Допускается цитирование материалов без согласования с редакцией. Редакция «Вести.Ru» не несет ответственности за содержание рекламных объявлений.'],
    ['ru', 'Допускается цитирование материалов «Вести.Ru» не более 50% от объема оригинала. Прямая гиперссылка должна размещаться непосредственно в тексте.'],
    ['zh', '凡本网注明“来源：本报”的所有作品，版权均属于本报，未经本网授权不得转载。违反上述声明者，本网将追究其相关法律责任。'],
    ['zh', '本网转载其他媒体之稿件，意在为公众提供免费服务。转载目的在于传递更多信息，并不代表本网赞同其观点。'],
    ['pl', 'Publikacje zamieszczone na stronach serwisu są chronione prawami autorskimi. Kopiowanie i wykorzystywanie tekstów bez pisemnej zgody redakcji jest zabronione.'],
    ['el', 'Τα πνευματικά δικαιώματα ανήκουν στο πρακτορείο. Απαγορεύεται η αναδημοσίευση χωρίς άδεια.'],
    ['ru', 'Сообщения и комментарии читателей сайта размещаются без предварительного редактирования. Редакция оставляет за собой право удалить их с сайта или отредактировать, если они нарушают закон.'],
    ['ru', 'Исключительные права на материалы, размещённые на сайте, принадлежат издательскому дому и не подлежат использованию без письменного разрешения правообладателя.'],
    ['pl', 'Żaden utwór zamieszczony w serwisie nie może być powielany i rozpowszechniany w jakikolwiek sposób bez pisemnej zgody wydawcy. Jakiekolwiek użycie lub wykorzystanie utworów w całości lub w części bez zgody wydawcy jest zabronione pod groźbą kary.']
  ])('%s: a copyright notice of several sentences goes', (code, notice) => {
    expect(phrasesIn(code, [notice])[0]?.removal?.ruleId).toBe('legal')
  })

  it.each([
    ['ru', 'Госдума приняла закон, который запрещает копирование фильмов без согласия правообладателя. Нарушителям грозит штраф до ста тысяч рублей.'],
    ['ru', 'Суд признал, что все права на песню принадлежат наследникам композитора, и обязал студию выплатить компенсацию.'],
    ['zh', '法院认定这首歌曲的著作权问题仍有争议，双方将在下个月再次出庭。'],
    ['pl', 'Sąd uznał, że wydawnictwo naruszyło prawa autora, i nakazał wycofanie książki ze sprzedaży.'],
    ['pl', 'Żadna część mostu nie może być remontowana zimą, więc prace ruszą dopiero w kwietniu.'],
    ['el', 'Βρίσκεστε εδώ για πρώτη φορά; Η βιβλιοθήκη ανοίγει κάθε πρωί στις εννέα.'],
    ['ru', 'Комментарии читателей к новости о закрытии библиотеки собрали больше тысячи откликов за один день.']
  ])('%s: a sentence about copyright law stays', (code, sentence) => {
    expect(phrasesIn(code, [sentence])[0]?.removal).toBeUndefined()
  })

  it('removes a comment thread whose comments carry only a reply button in the page’s language', () => {
    const article = ['Школьный учитель построил обсерваторию', 'Во вторник администрация решила снова открыть библиотеку в здании старой школы, после того как нашлось много добровольцев, готовых помогать по вечерам.', 'Учитель астрономии три года собирал деньги на купол и телескоп, а ученики помогали ему красить стены и прокладывать кабель до крыши спортзала.']
    const comment = (name: string, text: string): string[] => [name, 'ответить', text]
    const thread = ['Комментарии', ...comment('Пётр', 'Вот это правильно, давно пора было сделать что-то полезное для детей нашего района, и я очень рада, что учитель нашёл время и силы на такое большое дело, молодцы.'), ...comment('Марина', 'А я думаю, что без помощи родителей и всего района ничего бы не получилось, потому что купол стоит дорого, так что спасибо всем, кто помогал этой школе.')]
    const kept = clean([...article, ...thread].join('\n\n'), {language: 'ru'}).text
    expect(kept).toContain('Учитель астрономии')
    expect(kept).not.toContain('молодцы')
    expect(kept).not.toContain('спасибо всем')
  })

  it('adds a language’s phrases only to pages in that language', () => {
    expect(phrasesIn('en', ['Kommentar schreiben'])[0]?.removal).toBeUndefined()
  })
})
