// Sightline seed 001: the graph of the founding report.
//
// The founding report is an undated Polygon news report relaying an investigation by The Guardian
// about Microsoft ending services to Israeli military intelligence Unit 8200.
// The report itself is not stored, only short verbatim quotes of it, one per Claim.
//
// Rules this file follows (see server/src/contracts/vocabulary.ts):
// - Idempotent and non-destructive: MERGE on id, then ON CREATE SET only, never a plain SET,
//   so a restart never overwrites later edits and a second run creates nothing.
// - A Claim is linked to its Source only when it has no CITES yet, so a claim re-cited
//   by an editor keeps exactly one source.
// - Every Claim quote is a verbatim excerpt of the Polygon report, curly punctuation included.
//   All claims therefore CITE the Polygon report, and attributedTo names who asserts the quote.
//   The Guardian report that Polygon relays is a second Source, linked by Source CITES Source.
// - The report has no date. In April has no year and last week has no date, so no since or until
//   is set anywhere, and the claim notes say why.
// - The allegations of the Palestinian BDS National Committee are stored as allegations:
//   relationship status alleged, claim stance alleged. Reports resting on unnamed sources about
//   contested conduct are also status alleged, with stance reported.
// - Comments in this file avoid straight quote characters and semicolons, so that any splitter
//   that ignores comments still splits it correctly.

// ============================================================================================
// Sources
// ============================================================================================

MERGE (s:Source {id: 'polygon-microsoft-unit-8200-report'})
ON CREATE SET
  s.title = 'Microsoft cuts off Israeli military unit’s access to Azure, citing The Guardian',
  s.titleNote = 'Descriptive title written for Sightline: the real headline, URL, author and date of the Polygon report are not in the stored text.',
  s.publisher = 'Polygon';

MERGE (s:Source {id: 'guardian-microsoft-unit-8200-report'})
ON CREATE SET
  s.title = 'The Guardian’s report on Microsoft ending services to Unit 8200',
  s.titleNote = 'Descriptive title written for Sightline: known only as cited by the Polygon report (a new report from The Guardian), whose headline, URL and date are not given.',
  s.publisher = 'The Guardian';

MATCH (a:Source {id: 'polygon-microsoft-unit-8200-report'}), (b:Source {id: 'guardian-microsoft-unit-8200-report'})
MERGE (a)-[:CITES]->(b);

// ============================================================================================
// Actors
// ============================================================================================

MERGE (n:Actor {id: 'microsoft'})
ON CREATE SET n:Company,
  n.name = 'Microsoft',
  n.aliases = ['Microsoft Corporation'],
  n.description = 'American technology company headquartered in Redmond, Washington.',
  n.country = 'US',
  n.url = 'https://www.microsoft.com',
  n.wikidata = 'Q2283';

MERGE (n:Actor {id: 'azure'})
ON CREATE SET n:Product,
  n.name = 'Microsoft Azure',
  n.aliases = ['Azure'],
  n.description = 'Cloud computing platform operated by Microsoft.',
  n.url = 'https://azure.microsoft.com',
  n.wikidata = 'Q725967';

MERGE (n:Actor {id: 'xbox'})
ON CREATE SET n:Product,
  n.name = 'Xbox',
  n.aliases = [],
  n.description = 'Video gaming brand of Microsoft, covering game consoles, games and services.',
  n.url = 'https://www.xbox.com';

MERGE (n:Actor {id: 'xbox-game-pass'})
ON CREATE SET n:Product,
  n.name = 'Xbox Game Pass',
  n.aliases = ['Game Pass'],
  n.description = 'Video game subscription service offered under the Xbox brand.';

MERGE (n:Actor {id: 'brad-smith'})
ON CREATE SET n:Person,
  n.name = 'Brad Smith',
  n.aliases = [],
  n.description = 'President of Microsoft.',
  n.country = 'US';

MERGE (n:Actor {id: 'idf'})
ON CREATE SET n:MilitaryUnit,
  n.name = 'Israel Defense Forces',
  n.aliases = ['IDF', 'Israeli military', 'Israeli army', 'Tzahal'],
  n.description = 'The armed forces of the State of Israel.',
  n.country = 'IL';

MERGE (n:Actor {id: 'unit-8200'})
ON CREATE SET n:MilitaryUnit,
  n.name = 'Unit 8200',
  n.aliases = [],
  n.description = 'Israeli military intelligence unit specializing in signals intelligence.',
  n.country = 'IL';

MERGE (n:Actor {id: 'israel-ministry-of-defense'})
ON CREATE SET n:GovernmentBody,
  n.name = 'Israel Ministry of Defense',
  n.aliases = ['Israeli Ministry of Defense', 'IMOD'],
  n.description = 'Government ministry of Israel responsible for defense and the armed forces.',
  n.country = 'IL';

MERGE (n:Actor {id: 'israel'})
ON CREATE SET n:State,
  n.name = 'Israel',
  n.aliases = ['State of Israel'],
  n.description = 'Country in Western Asia on the eastern coast of the Mediterranean Sea.',
  n.country = 'IL',
  n.wikidata = 'Q801';

MERGE (n:Actor {id: 'israeli-prison-system'})
ON CREATE SET n:GovernmentBody,
  n.name = 'Israeli prison system',
  n.aliases = ['Israel Prison Service'],
  n.description = 'The prisons and detention facilities of Israel, administered mainly by the Israel Prison Service.',
  n.country = 'IL';

MERGE (n:Actor {id: 'bds-movement'})
ON CREATE SET n:Movement,
  n.name = 'BDS movement',
  n.aliases = ['BDS', 'Boycott, Divestment, Sanctions', 'Boycott, Divestment and Sanctions'],
  n.description = 'Palestinian-led campaign promoting boycotts, divestment and sanctions against Israel.',
  n.url = 'https://bdsmovement.net';

MERGE (n:Actor {id: 'palestinian-bds-national-committee'})
ON CREATE SET n:Organization,
  n.name = 'Palestinian BDS National Committee',
  n.aliases = ['BNC', 'BDS National Committee'],
  n.description = 'Coalition of Palestinian organizations that coordinates the BDS movement.',
  n.country = 'PS';

MERGE (n:Actor {id: 'palestinian-civilians'})
ON CREATE SET n:Group,
  n.name = 'Palestinian civilians',
  n.aliases = ['Palestinians'],
  n.description = 'The Palestinian civilian population.',
  n.country = 'PS';

MERGE (n:Actor {id: 'gaza-strip'})
ON CREATE SET n:Place,
  n.name = 'Gaza Strip',
  n.aliases = ['Gaza'],
  n.description = 'Palestinian territory on the eastern coast of the Mediterranean Sea, bordering Israel and Egypt.',
  n.country = 'PS',
  n.wikidata = 'Q39760';

MERGE (n:Actor {id: 'redmond'})
ON CREATE SET n:Place,
  n.name = 'Redmond',
  n.aliases = ['Redmond, Washington'],
  n.description = 'City in King County, Washington, United States.',
  n.country = 'US';

MERGE (n:Actor {id: 'the-guardian'})
ON CREATE SET n:MediaOutlet,
  n.name = 'The Guardian',
  n.aliases = ['Guardian'],
  n.description = 'British daily newspaper.',
  n.country = 'GB',
  n.url = 'https://www.theguardian.com',
  n.wikidata = 'Q11148';

MERGE (n:Actor {id: 'polygon'})
ON CREATE SET n:MediaOutlet,
  n.name = 'Polygon',
  n.aliases = [],
  n.description = 'American video game news website.',
  n.country = 'US',
  n.url = 'https://www.polygon.com';

// ============================================================================================
// Microsoft and Israeli military and defense bodies
// ============================================================================================

MATCH (a:Actor {id: 'microsoft'}), (b:Actor {id: 'unit-8200'})
MERGE (a)-[r:PROVIDES_SERVICES_TO {id: 'microsoft-provides-services-to-unit-8200'}]->(b)
ON CREATE SET r.status = 'ended',
  r.summary = 'Microsoft ceased and disabled a set of services used by Unit 8200, according to The Guardian and an email from Microsoft president Brad Smith.';

MATCH (s:Source {id: 'polygon-microsoft-unit-8200-report'})
MERGE (c:Claim {id: 'microsoft-provides-services-to-unit-8200-c1'})
ON CREATE SET
  c.quote = 'Microsoft has reportedly cut off Israeli military access to its Azure cloud and AI technology',
  c.attributedTo = 'The Guardian',
  c.stance = 'reported',
  c.relationshipId = 'microsoft-provides-services-to-unit-8200',
  c.note = 'Polygon relays a new report from The Guardian. The lead speaks of the Israeli military, the body of the report names Unit 8200. No date is given for the cut-off.'
WITH c, s WHERE NOT EXISTS { (c)-[:CITES]->() }
MERGE (c)-[:CITES]->(s);

MATCH (s:Source {id: 'polygon-microsoft-unit-8200-report'})
MERGE (c:Claim {id: 'microsoft-provides-services-to-unit-8200-c2'})
ON CREATE SET
  c.quote = 'ceased and disabled a set of services to a unit within the Israel Ministry of Defense',
  c.attributedTo = 'Brad Smith',
  c.stance = 'stated',
  c.relationshipId = 'microsoft-provides-services-to-unit-8200',
  c.note = 'From an email to Microsoft employees, as reported. The quoted words do not name the unit: the identification as Unit 8200 comes from The Guardian’s reporting.'
WITH c, s WHERE NOT EXISTS { (c)-[:CITES]->() }
MERGE (c)-[:CITES]->(s);

MATCH (s:Source {id: 'polygon-microsoft-unit-8200-report'})
MERGE (c:Claim {id: 'microsoft-provides-services-to-unit-8200-c3'})
ON CREATE SET
  c.quote = 'the Xbox-maker’s decision to pull access to its tech from Unit 8200',
  c.attributedTo = 'The Guardian',
  c.stance = 'reported',
  c.relationshipId = 'microsoft-provides-services-to-unit-8200'
WITH c, s WHERE NOT EXISTS { (c)-[:CITES]->() }
MERGE (c)-[:CITES]->(s);

MATCH (s:Source {id: 'polygon-microsoft-unit-8200-report'})
MERGE (c:Claim {id: 'microsoft-provides-services-to-unit-8200-c4'})
ON CREATE SET
  c.quote = '“We do not provide technology to facilitate mass surveillance of civilians,” Smith said.',
  c.attributedTo = 'Brad Smith',
  c.stance = 'stated',
  c.relationshipId = 'microsoft-provides-services-to-unit-8200',
  c.note = 'Microsoft’s stated principle, quoted alongside the decision. It does not name the unit or describe its use of the services.'
WITH c, s WHERE NOT EXISTS { (c)-[:CITES]->() }
MERGE (c)-[:CITES]->(s);

MATCH (a:Actor {id: 'microsoft'}), (b:Actor {id: 'idf'})
MERGE (a)-[r:PROVIDES_SERVICES_TO {id: 'microsoft-provides-services-to-idf'}]->(b)
ON CREATE SET r.status = 'active',
  r.summary = 'Microsoft has a wider commercial relationship with the Israel Defense Forces that its Unit 8200 decision has not affected, according to The Guardian.';

MATCH (s:Source {id: 'polygon-microsoft-unit-8200-report'})
MERGE (c:Claim {id: 'microsoft-provides-services-to-idf-c1'})
ON CREATE SET
  c.quote = '“has not affected Microsoft’s wider commercial relationship” with the Israel Defense Forces',
  c.attributedTo = 'The Guardian',
  c.stance = 'reported',
  c.relationshipId = 'microsoft-provides-services-to-idf',
  c.note = 'Polygon adds that exactly how far Microsoft’s restrictions on the Israeli military extend is unclear.'
WITH c, s WHERE NOT EXISTS { (c)-[:CITES]->() }
MERGE (c)-[:CITES]->(s);

MATCH (a:Actor {id: 'unit-8200'}), (b:Actor {id: 'azure'})
MERGE (a)-[r:STORES_DATA_ON {id: 'unit-8200-stores-data-on-azure'}]->(b)
ON CREATE SET r.status = 'alleged',
  r.summary = 'Microsoft told Israeli officials that Unit 8200 had stored a vast trove of surveillance data on Azure in violation of its terms of service, according to The Guardian’s sources.';

MATCH (s:Source {id: 'polygon-microsoft-unit-8200-report'})
MERGE (c:Claim {id: 'unit-8200-stores-data-on-azure-c1'})
ON CREATE SET
  c.quote = 'had violated its terms of service “by storing the vast trove of surveillance data in its Azure cloud platform.”',
  c.attributedTo = 'The Guardian’s sources',
  c.stance = 'reported',
  c.relationshipId = 'unit-8200-stores-data-on-azure',
  c.note = 'Microsoft’s finding as told to Israeli officials last week, according to unnamed sources of The Guardian. Not confirmed on the record by Microsoft or the Israeli military in the report. The report is undated, so last week gives no date.'
WITH c, s WHERE NOT EXISTS { (c)-[:CITES]->() }
MERGE (c)-[:CITES]->(s);

MATCH (a:Actor {id: 'idf'}), (b:Actor {id: 'palestinian-civilians'})
MERGE (a)-[r:SURVEILS {id: 'idf-surveils-palestinian-civilians'}]->(b)
ON CREATE SET r.status = 'alleged',
  r.summary = 'The Guardian reported that Azure cloud and AI technology accessed by the Israeli military was being used to monitor millions of Palestinian civilians’ phone calls.';

MATCH (s:Source {id: 'polygon-microsoft-unit-8200-report'})
MERGE (c:Claim {id: 'idf-surveils-palestinian-civilians-c1'})
ON CREATE SET
  c.quote = 'AI technology that was being used to monitor millions of Palestinian civilians’ phone calls',
  c.attributedTo = 'The Guardian',
  c.stance = 'reported',
  c.relationshipId = 'idf-surveils-palestinian-civilians',
  c.note = 'Polygon relays The Guardian’s report. The report does not say whether the monitoring continues by other means after Microsoft cut off access, and no Israeli response is quoted.'
WITH c, s WHERE NOT EXISTS { (c)-[:CITES]->() }
MERGE (c)-[:CITES]->(s);

MATCH (s:Source {id: 'polygon-microsoft-unit-8200-report'})
MERGE (c:Claim {id: 'idf-surveils-palestinian-civilians-c2'})
ON CREATE SET
  c.quote = 'the military’s elite spy agency, Unit 8200, had violated its terms of service “by storing the vast trove of surveillance data',
  c.attributedTo = 'The Guardian’s sources',
  c.stance = 'reported',
  c.relationshipId = 'idf-surveils-palestinian-civilians',
  c.note = 'Places the surveillance data with Unit 8200, a unit of the Israeli military. The report does not say whose communications the data covers beyond the lead.'
WITH c, s WHERE NOT EXISTS { (c)-[:CITES]->() }
MERGE (c)-[:CITES]->(s);

MATCH (a:Actor {id: 'unit-8200'}), (b:Actor {id: 'idf'})
MERGE (a)-[r:PART_OF {id: 'unit-8200-part-of-idf'}]->(b)
ON CREATE SET r.status = 'active',
  r.summary = 'Unit 8200 is described as the Israeli military’s elite spy agency.';

MATCH (s:Source {id: 'polygon-microsoft-unit-8200-report'})
MERGE (c:Claim {id: 'unit-8200-part-of-idf-c1'})
ON CREATE SET
  c.quote = 'the military’s elite spy agency, Unit 8200',
  c.attributedTo = 'Polygon',
  c.stance = 'reported',
  c.relationshipId = 'unit-8200-part-of-idf'
WITH c, s WHERE NOT EXISTS { (c)-[:CITES]->() }
MERGE (c)-[:CITES]->(s);

MATCH (a:Actor {id: 'unit-8200'}), (b:Actor {id: 'israel-ministry-of-defense'})
MERGE (a)-[r:PART_OF {id: 'unit-8200-part-of-israel-ministry-of-defense'}]->(b)
ON CREATE SET r.status = 'active',
  r.summary = 'Microsoft’s Brad Smith described the unit whose services were cut as a unit within the Israel Ministry of Defense.';

MATCH (s:Source {id: 'polygon-microsoft-unit-8200-report'})
MERGE (c:Claim {id: 'unit-8200-part-of-israel-ministry-of-defense-c1'})
ON CREATE SET
  c.quote = 'a unit within the Israel Ministry of Defense',
  c.attributedTo = 'Brad Smith',
  c.stance = 'stated',
  c.relationshipId = 'unit-8200-part-of-israel-ministry-of-defense',
  c.note = 'Smith’s wording in his email does not name the unit. The report identifies the unit whose access was pulled as Unit 8200, citing The Guardian.'
WITH c, s WHERE NOT EXISTS { (c)-[:CITES]->() }
MERGE (c)-[:CITES]->(s);

// ============================================================================================
// Allegations of the Palestinian BDS National Committee (status alleged, stance alleged)
// The statement also accuses Israel of genocide. Sightline records that accusation in the
// claim notes only, the vocabulary has no relationship type for it.
// ============================================================================================

MATCH (a:Actor {id: 'microsoft'}), (b:Actor {id: 'israel'})
MERGE (a)-[r:PARTNERS_WITH {id: 'microsoft-partners-with-israel'}]->(b)
ON CREATE SET r.status = 'alleged',
  r.summary = 'The Palestinian BDS National Committee alleges that Microsoft partners with Israel.';

MATCH (s:Source {id: 'polygon-microsoft-unit-8200-report'})
MERGE (c:Claim {id: 'microsoft-partners-with-israel-c1'})
ON CREATE SET
  c.quote = '“Microsoft partners with the apartheid regime of Israel and its prison system,”',
  c.attributedTo = 'Palestinian BDS National Committee',
  c.stance = 'alleged',
  c.relationshipId = 'microsoft-partners-with-israel',
  c.note = 'Said at the time the BDS movement added Microsoft to its targets (in April, year not given). The characterization of Israel is the committee’s own.'
WITH c, s WHERE NOT EXISTS { (c)-[:CITES]->() }
MERGE (c)-[:CITES]->(s);

MATCH (a:Actor {id: 'microsoft'}), (b:Actor {id: 'israeli-prison-system'})
MERGE (a)-[r:PARTNERS_WITH {id: 'microsoft-partners-with-israeli-prison-system'}]->(b)
ON CREATE SET r.status = 'alleged',
  r.summary = 'The Palestinian BDS National Committee alleges that Microsoft partners with the Israeli prison system.';

MATCH (s:Source {id: 'polygon-microsoft-unit-8200-report'})
MERGE (c:Claim {id: 'microsoft-partners-with-israeli-prison-system-c1'})
ON CREATE SET
  c.quote = '“Microsoft partners with the apartheid regime of Israel and its prison system,”',
  c.attributedTo = 'Palestinian BDS National Committee',
  c.stance = 'alleged',
  c.relationshipId = 'microsoft-partners-with-israeli-prison-system',
  c.note = 'Said at the time the BDS movement added Microsoft to its targets (in April, year not given). The statement does not name a specific prison body.'
WITH c, s WHERE NOT EXISTS { (c)-[:CITES]->() }
MERGE (c)-[:CITES]->(s);

MATCH (a:Actor {id: 'idf'}), (b:Actor {id: 'azure'})
MERGE (a)-[r:USES {id: 'idf-uses-azure'}]->(b)
ON CREATE SET r.status = 'alleged',
  r.summary = 'The Palestinian BDS National Committee alleges that Microsoft provides the Israeli military with Azure cloud and AI services.';

MATCH (s:Source {id: 'polygon-microsoft-unit-8200-report'})
MERGE (c:Claim {id: 'idf-uses-azure-c1'})
ON CREATE SET
  c.quote = 'It provides the Israeli military with Azure cloud and AI services',
  c.attributedTo = 'Palestinian BDS National Committee',
  c.stance = 'alleged',
  c.relationshipId = 'idf-uses-azure',
  c.note = 'It refers to Microsoft. The statement goes on to call these services central to what it calls Israel’s genocide of Palestinians in Gaza, an accusation recorded here as the committee’s words only.'
WITH c, s WHERE NOT EXISTS { (c)-[:CITES]->() }
MERGE (c)-[:CITES]->(s);

MATCH (a:Actor {id: 'idf'}), (b:Actor {id: 'microsoft'})
MERGE (a)-[r:USES {id: 'idf-uses-microsoft'}]->(b)
ON CREATE SET r.status = 'alleged',
  r.summary = 'The Palestinian BDS National Committee alleges that the Israeli army relies heavily on Microsoft to meet its technological requirements.';

MATCH (s:Source {id: 'polygon-microsoft-unit-8200-report'})
MERGE (c:Claim {id: 'idf-uses-microsoft-c1'})
ON CREATE SET
  c.quote = 'After 34 years of deep complicity with Israel’s military, the Israeli army relies heavily on Microsoft',
  c.attributedTo = 'Palestinian BDS National Committee',
  c.stance = 'alleged',
  c.relationshipId = 'idf-uses-microsoft',
  c.note = 'The 34 years are counted back from an undated statement (in April, year not given), so no since date is set.'
WITH c, s WHERE NOT EXISTS { (c)-[:CITES]->() }
MERGE (c)-[:CITES]->(s);

MATCH (a:Actor {id: 'israel'}), (b:Actor {id: 'gaza-strip'})
MERGE (a)-[r:OCCUPIES {id: 'israel-occupies-gaza-strip'}]->(b)
ON CREATE SET r.status = 'alleged',
  r.summary = 'The Palestinian BDS National Committee describes the Gaza Strip as illegally occupied by Israel.';

MATCH (s:Source {id: 'polygon-microsoft-unit-8200-report'})
MERGE (c:Claim {id: 'israel-occupies-gaza-strip-c1'})
ON CREATE SET
  c.quote = '2.3 million Palestinians in the illegally occupied Gaza Strip',
  c.attributedTo = 'Palestinian BDS National Committee',
  c.stance = 'alleged',
  c.relationshipId = 'israel-occupies-gaza-strip',
  c.note = 'The committee’s characterization, part of its statement on Microsoft. The report does not discuss the legal status of Gaza.'
WITH c, s WHERE NOT EXISTS { (c)-[:CITES]->() }
MERGE (c)-[:CITES]->(s);

// ============================================================================================
// Israel and Microsoft software (Polygon)
// ============================================================================================

MATCH (a:Actor {id: 'israel'}), (b:Actor {id: 'microsoft'})
MERGE (a)-[r:USES {id: 'israel-uses-microsoft'}]->(b)
ON CREATE SET r.status = 'active',
  r.summary = 'Polygon reports that Israel’s use of Microsoft software was at the heart of calls to boycott Microsoft.';

MATCH (s:Source {id: 'polygon-microsoft-unit-8200-report'})
MERGE (c:Claim {id: 'israel-uses-microsoft-c1'})
ON CREATE SET
  c.quote = 'Israel’s use of Microsoft’s software was at the heart of calls to boycott the Redmond-based tech company',
  c.attributedTo = 'Polygon',
  c.stance = 'reported',
  c.relationshipId = 'israel-uses-microsoft',
  c.note = 'The report does not name the software or say which Israeli bodies use it.'
WITH c, s WHERE NOT EXISTS { (c)-[:CITES]->() }
MERGE (c)-[:CITES]->(s);

// ============================================================================================
// Boycott campaign
// ============================================================================================

MATCH (a:Actor {id: 'bds-movement'}), (b:Actor {id: 'microsoft'})
MERGE (a)-[r:TARGETS_FOR_BOYCOTT {id: 'bds-movement-targets-for-boycott-microsoft'}]->(b)
ON CREATE SET r.status = 'active',
  r.summary = 'The BDS movement added Microsoft to its list of boycott targets in April (year not given in the report).';

MATCH (s:Source {id: 'polygon-microsoft-unit-8200-report'})
MERGE (c:Claim {id: 'bds-movement-targets-for-boycott-microsoft-c1'})
ON CREATE SET
  c.quote = 'added Microsoft to its list of targets in April',
  c.attributedTo = 'Polygon',
  c.stance = 'reported',
  c.relationshipId = 'bds-movement-targets-for-boycott-microsoft',
  c.note = 'The subject is Boycott, Divestment, Sanctions (BDS). The report gives no year for April, so since is not set.'
WITH c, s WHERE NOT EXISTS { (c)-[:CITES]->() }
MERGE (c)-[:CITES]->(s);

MATCH (a:Actor {id: 'bds-movement'}), (b:Actor {id: 'xbox-game-pass'})
MERGE (a)-[r:CALLS_FOR_BOYCOTT_OF {id: 'bds-movement-calls-for-boycott-of-xbox-game-pass'}]->(b)
ON CREATE SET r.status = 'active',
  r.summary = 'The boycott campaign against Microsoft called on consumers to cancel Xbox Game Pass.';

MATCH (s:Source {id: 'polygon-microsoft-unit-8200-report'})
MERGE (c:Claim {id: 'bds-movement-calls-for-boycott-of-xbox-game-pass-c1'})
ON CREATE SET
  c.quote = 'a movement that called on consumers to cancel Xbox Game Pass',
  c.attributedTo = 'Polygon',
  c.stance = 'reported',
  c.relationshipId = 'bds-movement-calls-for-boycott-of-xbox-game-pass',
  c.note = 'The sentence speaks of a movement calling to boycott Microsoft, and the next one names BDS as having added Microsoft to its targets. The link to BDS follows that context.'
WITH c, s WHERE NOT EXISTS { (c)-[:CITES]->() }
MERGE (c)-[:CITES]->(s);

MATCH (a:Actor {id: 'bds-movement'}), (b:Actor {id: 'xbox'})
MERGE (a)-[r:CALLS_FOR_BOYCOTT_OF {id: 'bds-movement-calls-for-boycott-of-xbox'}]->(b)
ON CREATE SET r.status = 'active',
  r.summary = 'The boycott campaign against Microsoft called on consumers not to buy or play Microsoft games and gaming consoles.';

MATCH (s:Source {id: 'polygon-microsoft-unit-8200-report'})
MERGE (c:Claim {id: 'bds-movement-calls-for-boycott-of-xbox-c1'})
ON CREATE SET
  c.quote = 'refrain from buying or playing the company’s games and gaming consoles',
  c.attributedTo = 'Polygon',
  c.stance = 'reported',
  c.relationshipId = 'bds-movement-calls-for-boycott-of-xbox',
  c.note = 'The report says the company’s games and gaming consoles without naming Xbox here. Microsoft’s consoles are sold under the Xbox brand. The link to BDS follows the context of the next sentence.'
WITH c, s WHERE NOT EXISTS { (c)-[:CITES]->() }
MERGE (c)-[:CITES]->(s);

// ============================================================================================
// Microsoft: people, products, place
// ============================================================================================

MATCH (a:Actor {id: 'brad-smith'}), (b:Actor {id: 'microsoft'})
MERGE (a)-[r:OFFICER_OF {id: 'brad-smith-officer-of-microsoft'}]->(b)
ON CREATE SET r.status = 'active',
  r.summary = 'Brad Smith is president of Microsoft.';

MATCH (s:Source {id: 'polygon-microsoft-unit-8200-report'})
MERGE (c:Claim {id: 'brad-smith-officer-of-microsoft-c1'})
ON CREATE SET
  c.quote = 'Microsoft president Brad Smith',
  c.attributedTo = 'Polygon',
  c.stance = 'reported',
  c.relationshipId = 'brad-smith-officer-of-microsoft'
WITH c, s WHERE NOT EXISTS { (c)-[:CITES]->() }
MERGE (c)-[:CITES]->(s);

MATCH (a:Actor {id: 'microsoft'}), (b:Actor {id: 'azure'})
MERGE (a)-[r:OPERATES {id: 'microsoft-operates-azure'}]->(b)
ON CREATE SET r.status = 'active',
  r.summary = 'Microsoft operates the Azure cloud platform.';

MATCH (s:Source {id: 'polygon-microsoft-unit-8200-report'})
MERGE (c:Claim {id: 'microsoft-operates-azure-c1'})
ON CREATE SET
  c.quote = 'access to its Azure cloud and AI technology',
  c.attributedTo = 'Polygon',
  c.stance = 'reported',
  c.relationshipId = 'microsoft-operates-azure',
  c.note = 'Its refers to Microsoft, the subject of the sentence.'
WITH c, s WHERE NOT EXISTS { (c)-[:CITES]->() }
MERGE (c)-[:CITES]->(s);

MATCH (a:Actor {id: 'microsoft'}), (b:Actor {id: 'xbox'})
MERGE (a)-[r:MAKES {id: 'microsoft-makes-xbox'}]->(b)
ON CREATE SET r.status = 'active',
  r.summary = 'Microsoft makes Xbox.';

MATCH (s:Source {id: 'polygon-microsoft-unit-8200-report'})
MERGE (c:Claim {id: 'microsoft-makes-xbox-c1'})
ON CREATE SET
  c.quote = 'the Xbox-maker’s decision',
  c.attributedTo = 'Polygon',
  c.stance = 'reported',
  c.relationshipId = 'microsoft-makes-xbox',
  c.note = 'The Xbox-maker refers to Microsoft.'
WITH c, s WHERE NOT EXISTS { (c)-[:CITES]->() }
MERGE (c)-[:CITES]->(s);

MATCH (a:Actor {id: 'microsoft'}), (b:Actor {id: 'xbox-game-pass'})
MERGE (a)-[r:OPERATES {id: 'microsoft-operates-xbox-game-pass'}]->(b)
ON CREATE SET r.status = 'active',
  r.summary = 'Microsoft operates the Xbox Game Pass subscription service.';

MATCH (s:Source {id: 'polygon-microsoft-unit-8200-report'})
MERGE (c:Claim {id: 'microsoft-operates-xbox-game-pass-c1'})
ON CREATE SET
  c.quote = 'calls to boycott the Redmond-based tech company, a movement that called on consumers to cancel Xbox Game Pass',
  c.attributedTo = 'Polygon',
  c.stance = 'reported',
  c.relationshipId = 'microsoft-operates-xbox-game-pass',
  c.note = 'The report implies rather than states that Game Pass is a Microsoft service: cancelling it is part of the call to boycott the company.'
WITH c, s WHERE NOT EXISTS { (c)-[:CITES]->() }
MERGE (c)-[:CITES]->(s);

MATCH (a:Actor {id: 'microsoft'}), (b:Actor {id: 'redmond'})
MERGE (a)-[r:LOCATED_IN {id: 'microsoft-located-in-redmond'}]->(b)
ON CREATE SET r.status = 'active',
  r.summary = 'Microsoft is based in Redmond.';

MATCH (s:Source {id: 'polygon-microsoft-unit-8200-report'})
MERGE (c:Claim {id: 'microsoft-located-in-redmond-c1'})
ON CREATE SET
  c.quote = 'the Redmond-based tech company',
  c.attributedTo = 'Polygon',
  c.stance = 'reported',
  c.relationshipId = 'microsoft-located-in-redmond'
WITH c, s WHERE NOT EXISTS { (c)-[:CITES]->() }
MERGE (c)-[:CITES]->(s);

// ============================================================================================
// Reporting
// ============================================================================================

MATCH (a:Actor {id: 'the-guardian'}), (b:Actor {id: 'microsoft'})
MERGE (a)-[r:REPORTED_ON {id: 'the-guardian-reported-on-microsoft'}]->(b)
ON CREATE SET r.status = 'active',
  r.summary = 'The Guardian reported on Microsoft ending services to Unit 8200.';

MATCH (s:Source {id: 'polygon-microsoft-unit-8200-report'})
MERGE (c:Claim {id: 'the-guardian-reported-on-microsoft-c1'})
ON CREATE SET
  c.quote = 'according to a new report from The Guardian',
  c.attributedTo = 'Polygon',
  c.stance = 'reported',
  c.relationshipId = 'the-guardian-reported-on-microsoft',
  c.note = 'That report is the Source guardian-microsoft-unit-8200-report.'
WITH c, s WHERE NOT EXISTS { (c)-[:CITES]->() }
MERGE (c)-[:CITES]->(s);

MATCH (a:Actor {id: 'polygon'}), (b:Actor {id: 'microsoft'})
MERGE (a)-[r:REPORTED_ON {id: 'polygon-reported-on-microsoft'}]->(b)
ON CREATE SET r.status = 'active',
  r.summary = 'Polygon reported on Microsoft ending services to Unit 8200 and on the boycott campaign against Microsoft.';

MATCH (s:Source {id: 'polygon-microsoft-unit-8200-report'})
MERGE (c:Claim {id: 'polygon-reported-on-microsoft-c1'})
ON CREATE SET
  c.quote = 'Polygon has reached out to the BDS organization for comment and will update this story when it responds.',
  c.attributedTo = 'Polygon',
  c.stance = 'stated',
  c.relationshipId = 'polygon-reported-on-microsoft',
  c.note = 'The report itself is the Source polygon-microsoft-unit-8200-report.'
WITH c, s WHERE NOT EXISTS { (c)-[:CITES]->() }
MERGE (c)-[:CITES]->(s);
