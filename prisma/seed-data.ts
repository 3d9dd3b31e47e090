// Demo content for a believable cycle in the fictional city of Riverside.

export const DEMO_PASSWORD = "riverside-demo-2026";

export const AGENCIES = ["Parks & Recreation", "Transportation", "Schools & Libraries"] as const;

export const DISTRICTS = [
  { name: "North Riverside", budget: 250_000, population: 42_000 },
  { name: "Old Town", budget: 180_000, population: 28_000 },
  { name: "Eastgate", budget: 320_000, population: 55_000 },
] as const;

export const CATEGORIES = ["Parks & green space", "Streets & safety", "Schools & youth", "Culture & community"] as const;

// The PB office's own texts in Spanish, saved as translations: the category names, and the cycles open for voting (by slug).
export const CATEGORIES_ES: Record<(typeof CATEGORIES)[number], string> = {
  "Parks & green space": "Parques y áreas verdes",
  "Streets & safety": "Calles y seguridad",
  "Schools & youth": "Escuelas y juventud",
  "Culture & community": "Cultura y comunidad",
};

export const VOTING_CYCLES_ES: Record<string, { title: string; description: string }> = {
  "2026": {
    title: "Presupuesto participativo de Riverside 2026–27",
    description: "Vote por los proyectos que quiere para su distrito. Cada distrito tiene su propio presupuesto y su propia boleta.",
  },
  "schools-2026": {
    title: "Votación de las escuelas de Riverside 2026",
    description: "Estudiantes, madres y padres ordenan sus tres proyectos favoritos para las escuelas de Riverside.",
  },
  "libraries-2026": {
    title: "Votación de las bibliotecas de Riverside 2026",
    description: "Elija uno o dos proyectos para las bibliotecas públicas de Riverside.",
  },
};

/**
 * Last cycle in Spanish: its name (the PB office), and one of its ballot items, as staff translated it
 * before that vote (proposal translations lock when voting opens); Spanish readers follow it being built.
 */
export const PAST_CYCLE_ES = { title: "Presupuesto participativo de Riverside 2025–26", description: "El ciclo anterior: los proyectos ganadores se están construyendo." };
export const PROJECTS_ES: Record<string, { title: string; description: string }> = {
  "Community garden at Harbor Street lot": {
    title: "Huerto comunitario en el solar de Harbor Street",
    description: "Convertir el solar vacío de la ciudad en Harbor Street en un huerto comunitario con 30 bancales elevados, un cobertizo de herramientas y una toma de agua.",
  },
};


type ProposalSeed = {
  title: string;
  description: string;
  category: (typeof CATEGORIES)[number];
  agency: (typeof AGENCIES)[number];
  items: [string, number, number][]; // description, quantity, unit cost in dollars
  feasible?: false;
  reason: string;
  ideas: string[];
};

const feasibleReason =
  "The site is public land, the work is within our remit, and the price is based on recent contracts for similar work.";

export const PROPOSALS: Record<(typeof DISTRICTS)[number]["name"], ProposalSeed[]> = {
  "North Riverside": [
    {
      title: "Shade trees and benches along the river path",
      description: "Plant 40 native shade trees and install 12 benches along the 2 km river path between Mill Bridge and the boat launch, so older residents and parents with strollers can rest in the shade.",
      category: "Parks & green space", agency: "Parks & Recreation",
      items: [["Native shade tree, planted with 2-year watering", 40, 850], ["Park bench with armrests, installed", 12, 2400]],
      reason: feasibleReason, ideas: ["More shade on the river path", "Benches for older people on the river walk"],
    },
    {
      title: "Safe crossings at Maple Avenue school route",
      description: "Add two raised pedestrian crossings with flashing beacons on Maple Avenue at 3rd and 5th Street, the route 600 children take to Lincoln Elementary.",
      category: "Streets & safety", agency: "Transportation",
      items: [["Raised crossing with curb extensions", 2, 38000], ["Solar flashing beacon pair", 2, 9500]],
      reason: feasibleReason, ideas: ["Crosswalk at Maple and 3rd", "Slow the traffic near Lincoln school"],
    },
    {
      title: "Outdoor fitness station at Hillcrest Park",
      description: "Install a set of eight accessible outdoor fitness machines with a rubber surface and signs in English and Spanish.",
      category: "Parks & green space", agency: "Parks & Recreation",
      items: [["Accessible fitness machine", 8, 4200], ["Safety surfacing (m²)", 120, 95], ["Bilingual instruction signs", 4, 600]],
      reason: feasibleReason, ideas: ["Outdoor gym in Hillcrest Park"],
    },
    {
      title: "Library homework help room",
      description: "Turn the unused storage room of the North Riverside branch library into a quiet homework room with 16 seats, lighting and laptops to borrow.",
      category: "Schools & youth", agency: "Schools & Libraries",
      items: [["Room renovation (lighting, flooring, paint)", 1, 42000], ["Study desk and chair set", 16, 650], ["Laptop with 4-year support", 12, 900]],
      reason: feasibleReason, ideas: ["A quiet place for teens to study"],
    },
    {
      title: "Floating stage on the river",
      description: "Build a permanent floating stage on the river for summer concerts and festivals.",
      category: "Culture & community", agency: "Parks & Recreation",
      items: [["Engineering study", 1, 60000], ["Floating platform and anchoring", 1, 410000]],
      feasible: false,
      reason: "The river is managed by the state water authority, not the city, and a permanent structure in the flood channel is not permitted. The cost (about $470,000) is also above the district budget.",
      ideas: ["Concerts on the water"],
    },
  ],
  "Old Town": [
    {
      title: "Repair the Old Town square fountain",
      description: "Restore the 1910 fountain in the town square: new pump, leak repair and lighting, so it runs again from April to October.",
      category: "Culture & community", agency: "Parks & Recreation",
      items: [["Pump and filtration replacement", 1, 28000], ["Basin leak repair", 1, 19500], ["LED lighting", 6, 1100]],
      reason: feasibleReason, ideas: ["Fix the fountain in the square"],
    },
    {
      title: "Protected bike lane on Canal Street",
      description: "A 900 m two-way protected bike lane on Canal Street between the station and the market, with planters as separators.",
      category: "Streets & safety", agency: "Transportation",
      items: [["Protected lane (per 100 m)", 9, 11000], ["Planter separator", 60, 350]],
      reason: feasibleReason, ideas: ["Bike lane to the station", "Canal Street is dangerous for cyclists"],
    },
    {
      title: "Public toilets at the market hall",
      description: "Two accessible, self-cleaning public toilets next to the market hall, open 7am to 10pm.",
      category: "Culture & community", agency: "Parks & Recreation",
      items: [["Accessible self-cleaning toilet unit", 2, 36000], ["Water and sewer connection", 1, 14000]],
      reason: feasibleReason, ideas: ["Public toilets downtown"],
    },
    {
      title: "Street lighting on Cooper Lane",
      description: "Replace the 14 broken or dim lamps on Cooper Lane and the stairway to Hill Street with LED lights.",
      category: "Streets & safety", agency: "Transportation",
      items: [["LED street lamp with pole", 14, 2900]],
      reason: feasibleReason, ideas: ["Cooper Lane is too dark at night"],
    },
    {
      title: "Free wifi across Old Town",
      description: "Free public wifi in all Old Town streets.",
      category: "Culture & community", agency: "Schools & Libraries",
      items: [["Access points and installation", 45, 1800], ["Annual service (3 years)", 3, 26000]],
      feasible: false,
      reason: "Most of the cost is a yearly service fee; participatory budget funds can only pay for one-off capital projects. Free wifi is already available in the library and the market hall.",
      ideas: ["Wifi in the streets"],
    },
  ],
  Eastgate: [
    {
      title: "New playground at Eastgate Commons",
      description: "Replace the 30-year-old playground at Eastgate Commons with an inclusive playground for ages 2–12, including a wheelchair-accessible swing.",
      category: "Parks & green space", agency: "Parks & Recreation",
      items: [["Inclusive play equipment", 1, 145000], ["Poured rubber surface (m²)", 400, 120], ["Design and permits", 1, 12000]],
      reason: feasibleReason, ideas: ["The Commons playground is falling apart", "Swings for children in wheelchairs"],
    },
    {
      title: "Bus shelters with seating on Route 7",
      description: "Eight covered bus shelters with seating and lighting on Route 7, where riders now wait in the rain.",
      category: "Streets & safety", agency: "Transportation",
      items: [["Bus shelter with bench and solar light", 8, 9800]],
      reason: feasibleReason, ideas: ["Shelters at the bus stops on Route 7"],
    },
    {
      title: "Community garden at Harbor Street lot",
      description: "Turn the empty city-owned lot on Harbor Street into a community garden with 30 raised beds, a tool shed and a water connection.",
      category: "Parks & green space", agency: "Parks & Recreation",
      items: [["Raised bed", 30, 450], ["Tool shed", 1, 6500], ["Water connection and fencing", 1, 22000]],
      reason: feasibleReason, ideas: ["Community garden", "Do something with the empty Harbor Street lot"],
    },
    {
      title: "Music room for Eastgate Middle School",
      description: "Soundproof a classroom and buy instruments so the after-school music program can take 60 more students.",
      category: "Schools & youth", agency: "Schools & Libraries",
      items: [["Acoustic treatment of classroom", 1, 38000], ["Instrument set (band)", 1, 26000]],
      reason: feasibleReason, ideas: ["Music lessons for kids who cannot pay"],
    },
    {
      title: "Skate park under the Eastgate overpass",
      description: "A concrete skate park under the highway overpass.",
      category: "Schools & youth", agency: "Parks & Recreation",
      items: [["Concrete skate park", 1, 280000]],
      feasible: false,
      reason: "The land under the overpass belongs to the state highway department, which has not agreed to public use for safety reasons. We suggest looking for a site in Eastgate Commons in the next cycle.",
      ideas: ["Skate park for Eastgate"],
    },
  ],
};

/** Ideas that were not taken forward, with the public reason. */
export const OTHER_IDEAS: { district: (typeof DISTRICTS)[number]["name"]; title: string; category: (typeof CATEGORIES)[number]; reason?: string }[] = [
  { district: "North Riverside", title: "Dog park near the water tower", category: "Parks & green space", reason: "Merged with a dog park already funded by the Parks department's own budget for next year." },
  { district: "North Riverside", title: "More trash cans on Main Street", category: "Streets & safety", reason: "This is routine maintenance: the Sanitation department will add six bins this spring without PB funds." },
  { district: "North Riverside", title: "Lower the property tax", category: "Culture & community", reason: "Participatory budgeting can only fund projects; tax rates are set by the council." },
  { district: "North Riverside", title: "Mural on the underpass wall", category: "Culture & community" },
  { district: "North Riverside", title: "Drinking fountains in Hillcrest Park", category: "Parks & green space" },
  { district: "Old Town", title: "Pedestrian-only Sundays on Market Street", category: "Streets & safety", reason: "A street closure is a policy decision, not a capital project; we forwarded it to the council's transport committee." },
  { district: "Old Town", title: "Repaint the town hall", category: "Culture & community", reason: "Already scheduled in the city's building maintenance plan for this year." },
  { district: "Old Town", title: "Flower boxes on the bridge", category: "Parks & green space" },
  { district: "Old Town", title: "Chess tables in the square", category: "Culture & community" },
  { district: "Old Town", title: "Better signs to the train station", category: "Streets & safety" },
  { district: "Eastgate", title: "Swimming pool for Eastgate", category: "Parks & green space", reason: "A pool costs several million dollars to build and run, far above the district budget. The city's facilities plan is studying it." },
  { district: "Eastgate", title: "Speed cameras on Harbor Road", category: "Streets & safety", reason: "Speed cameras need state approval; we passed the idea to the police traffic unit." },
  { district: "Eastgate", title: "Free after-school snacks", category: "Schools & youth", reason: "Food programs are recurring costs that PB cannot fund; the school district's nutrition office has been told about the need." },
  { district: "Eastgate", title: "Basketball court lights", category: "Parks & green space" },
  { district: "Eastgate", title: "Bilingual story time at the library", category: "Schools & youth" },
  { district: "Eastgate", title: "Bike racks at the shopping center", category: "Streets & safety" },
];

export const RESIDENT_NAMES = [
  "Amina Yusuf", "Carlos Méndez", "Li Wei", "Maria Rossi", "Tomás Herrera", "Grace Okafor", "Nguyen Thi Lan", "Fatima Haddad",
  "John Baker", "Sofia Petrova", "Ahmed Khan", "Rosa Delgado", "Kwame Mensah", "Hana Sato", "Olga Ivanova", "Diego Alvarez",
  "Priya Nair", "Samuel Cohen", "Lucía Gómez", "Mohammed Ali", "Ewa Kowalska", "David Kim", "Ana Souza", "Peter Novak",
];

export const PROJECT_UPDATES = [
  { status: "in_progress", percent: 25, note: "Contract signed with the supplier; site survey done." },
  { status: "in_progress", percent: 60, note: "Work is under way on site. Expect some noise on weekdays between 8am and 4pm." },
  { status: "delayed", percent: 60, note: "Delivery of materials is four weeks late; the new completion date is in the autumn." },
  { status: "completed", percent: 100, note: "Finished and open to everyone. Thank you to all who voted for it!" },
];

/** The cycle now voting: fewer, shorter proposals (each from one idea). */
export const VOTING_PROPOSALS: Record<(typeof DISTRICTS)[number]["name"], Omit<ProposalSeed, "ideas" | "reason">[]> = {
  "North Riverside": [
    { title: "Drinking fountains in Hillcrest Park", description: "Three accessible drinking fountains with bottle fillers near the playground, the courts and the dog run.", category: "Parks & green space", agency: "Parks & Recreation", items: [["Accessible fountain with bottle filler", 3, 7800], ["Water line extension", 1, 21000]] },
    { title: "Mural on the Mill Street underpass", description: "A community-designed mural on the Mill Street underpass, painted with local artists and students, with anti-graffiti coating.", category: "Culture & community", agency: "Parks & Recreation", items: [["Artist fees and design workshops", 1, 18000], ["Paint, coating and scaffolding", 1, 14000]] },
    { title: "Bike racks at every school", description: "Covered bike racks for 20 bikes at each of the four schools in North Riverside.", category: "Schools & youth", agency: "Transportation", items: [["Covered rack for 20 bikes", 4, 12500]] },
    { title: "Pedestrian lights on Elm Street", description: "Twenty new pedestrian-scale LED lights on Elm Street between the clinic and the bus station.", category: "Streets & safety", agency: "Transportation", items: [["Pedestrian LED light with pole", 20, 3600]] },
  ],
  "Old Town": [
    { title: "Chess and game tables in the square", description: "Six stone game tables with seats and shade sails in the town square.", category: "Culture & community", agency: "Parks & Recreation", items: [["Stone game table with four seats", 6, 4200], ["Shade sail", 3, 5500]] },
    { title: "Flower boxes and planters on the old bridge", description: "Forty flower boxes with drip irrigation along both sides of the old bridge.", category: "Parks & green space", agency: "Parks & Recreation", items: [["Flower box with drip irrigation", 40, 900]] },
    { title: "Wayfinding signs to the train station", description: "Twelve bilingual signs and two maps guiding visitors from the station to the market and the museum.", category: "Streets & safety", agency: "Transportation", items: [["Bilingual sign", 12, 1500], ["Map board", 2, 6000]] },
  ],
  Eastgate: [
    { title: "Lights for the basketball courts", description: "LED lights on a timer for the two basketball courts at Eastgate Commons, so they can be used after work and school.", category: "Parks & green space", agency: "Parks & Recreation", items: [["LED court light pole", 8, 9500], ["Electrical connection and timer", 1, 16000]] },
    { title: "Bilingual story-time corner at the library", description: "A reading corner with books in Spanish, Vietnamese and Arabic, furniture, and a year of weekly story-time sessions.", category: "Schools & youth", agency: "Schools & Libraries", items: [["Books in three languages", 600, 25], ["Furniture and rug", 1, 8000]] },
    { title: "Bike racks at Eastgate shopping center", description: "Forty secure bike parking spaces at the shopping center and the clinic.", category: "Streets & safety", agency: "Transportation", items: [["Bike rack (10 spaces)", 4, 3800]] },
    { title: "Tree canopy on Harbor Road", description: "Plant 60 street trees on Harbor Road, the hottest street in the district.", category: "Parks & green space", agency: "Parks & Recreation", items: [["Street tree with tree pit", 60, 1400]] },
  ],
};

export const YOUTH_IDEAS = [
  { title: "A free indoor space for teens on Friday nights", category: "Culture & community" },
  { title: "Water bottle fillers in every school", category: "Schools & youth" },
  { title: "Skate park somewhere in Eastgate Commons", category: "Parks & green space" },
  { title: "Better lighting on the way home from evening classes", category: "Streets & safety" },
  { title: "Recording studio at the library", category: "Culture & community" },
] as const;

/** A ranked-ballot vote in the schools, now open. */
export const SCHOOL_PROPOSALS: Record<string, Omit<ProposalSeed, "ideas" | "reason">[]> = {
  "All schools": [
    { title: "Water bottle fillers in every school", description: "Replace old drinking fountains with bottle-filling stations in all nine schools.", category: "Schools & youth", agency: "Schools & Libraries", items: [["Bottle-filling station, installed", 18, 1500]] },
    { title: "Shade sails over playgrounds", description: "Shade sails over the four hottest primary-school playgrounds.", category: "Parks & green space", agency: "Parks & Recreation", items: [["Shade sail with posts", 8, 3200]] },
    { title: "Book vending machines", description: "Book vending machines where pupils spend tokens earned by reading, in three schools.", category: "Culture & community", agency: "Schools & Libraries", items: [["Book vending machine with first stock", 3, 6500]] },
    { title: "Safe bike parking at the high school", description: "A covered, locked bike shelter for 60 bikes at Riverside High.", category: "Streets & safety", agency: "Transportation", items: [["Bike shelter (60 bikes)", 1, 24000]] },
  ],
};

/** An approval-ballot vote on library projects, now open: choose one or two. */
export const LIBRARY_PROPOSALS: Record<string, Omit<ProposalSeed, "ideas" | "reason">[]> = {
  "All libraries": [
    { title: "Longer Saturday opening hours", description: "Open the three branch libraries until 8 pm on Saturdays for a year.", category: "Culture & community", agency: "Schools & Libraries", items: [["Staff hours for a year", 1, 36000]] },
    { title: "Laptops to borrow", description: "Forty laptops residents can borrow for two weeks, with hotspots.", category: "Schools & youth", agency: "Schools & Libraries", items: [["Laptop with hotspot and support", 40, 700]] },
    { title: "Reading garden at the Eastgate branch", description: "A shaded reading garden with benches behind the Eastgate branch library.", category: "Parks & green space", agency: "Parks & Recreation", items: [["Garden works and benches", 1, 22000]] },
  ],
};

/** The survey after voting: categories and census shares (basis points) the PB office set up. */
export const SURVEY_ETHNICITIES = ["Asian", "Black or African American", "Hispanic or Latino", "Native American or Alaska Native", "Pacific Islander", "White", "Another group"] as const;
/** The same categories as Spanish-speaking voters read them, in the same order. */
export const SURVEY_ETHNICITIES_ES = ["Asiático", "Negro o afroamericano", "Hispano o latino", "Nativo americano o nativo de Alaska", "Isleño del Pacífico", "Blanco", "Otro grupo"];
export const SURVEY_CENSUS = {
  ageBand: { under18: 22_00, "18to24": 10_00, "25to34": 16_00, "35to44": 14_00, "45to64": 24_00, "65plus": 14_00 },
  gender: { woman: 51_00, man: 48_00, nonbinary: 1_00 },
  homeLanguage: { english: 58_00, spanish: 28_00, chinese: 4_00, vietnamese: 4_00, tagalog: 2_00, arabic: 2_00, other: 2_00 },
  ethnicity: { Asian: 11_00, "Black or African American": 13_00, "Hispanic or Latino": 34_00, "Native American or Alaska Native": 1_00, "Pacific Islander": 1_00, White: 38_00, "Another group": 4_00 },
};

type CostingSeed = {
  title: string;
  description: string;
  category: (typeof CATEGORIES)[number];
  agency: (typeof AGENCIES)[number];
  sentDaysAgo: number;
  /** saved in order: version 1, 2…; a line is [description, quantity, unit cost in dollars, "once" | "yearly"] */
  estimates?: {
    items: [string, number, number, "once" | "yearly"][];
    contingency: number;
    answers?: Record<string, ["met" | "not_met" | "not_applicable", string]>;
    verdict: "feasible" | "not_feasible";
    reason: string;
  }[];
  /** the delegate's smaller version, re-sent for costing after a "not feasible" */
  revisedAfter?: string;
};

/** The Parks Refresh cycle, being costed now: waiting, in progress and done on the costing dashboard. */
export const COSTING_PROPOSALS: CostingSeed[] = [
  { title: "Outdoor fitness stations along the river path", description: "Six outdoor fitness stations with instructions in English and Spanish along the river path, spaced about 400 m apart.", category: "Parks & green space", agency: "Parks & Recreation", sentDaysAgo: 9 },
  { title: "Pollinator meadow at Mill Pond", description: "Turn the mown lawn north of Mill Pond into a native wildflower meadow with a mown path and two benches.", category: "Parks & green space", agency: "Parks & Recreation", sentDaysAgo: 3 },
  { title: "Speed cushions on School Lane", description: "Four speed cushions on School Lane between the primary school and the park entrance.", category: "Streets & safety", agency: "Transportation", sentDaysAgo: 5 },
  {
    title: "Splash pad at Eastgate Commons",
    description: "A splash pad with twelve jets and a recirculating water system next to the Eastgate Commons playground.",
    category: "Parks & green space", agency: "Parks & Recreation", sentDaysAgo: 2,
    estimates: [{
      items: [["Splash pad with recirculation plant", 1, 210000, "once"], ["Water treatment and lifeguard checks", 1, 18000, "yearly"]],
      contingency: 15,
      answers: { "Within the agency's remit": ["met", ""], "On public land": ["met", ""], "Useful life of at least 5 years": ["met", ""] },
      verdict: "not_feasible",
      reason: "A splash pad with a recirculating plant costs more than the whole cycle budget. A smaller pad with mains water and fewer jets could fit.",
    }],
    revisedAfter: "A small splash pad with six jets on mains water (no recirculation plant) next to the Eastgate Commons playground, open June to September.",
  },
  {
    title: "Community orchard at Hillcrest",
    description: "Thirty fruit trees, a tool shed and a water point on the empty slope at Hillcrest Park, cared for with the Hillcrest garden club.",
    category: "Parks & green space", agency: "Parks & Recreation", sentDaysAgo: 14,
    estimates: [
      {
        items: [["Fruit tree, planted with stake and guard", 30, 180, "once"], ["Tool shed", 1, 4200, "once"], ["Water point and pipe", 1, 6500, "once"]],
        contingency: 10,
        verdict: "feasible",
        reason: "Hillcrest Park is city land and planting trees is part of our work. The price comes from this year's tree contract.",
      },
      {
        items: [["Fruit tree, planted with stake and guard", 30, 180, "once"], ["Tool shed", 1, 4200, "once"], ["Water point and pipe", 1, 6500, "once"], ["Pruning and watering (per year)", 1, 2400, "yearly"]],
        contingency: 10,
        verdict: "feasible",
        reason: "Hillcrest Park is city land and planting trees is part of our work. The price comes from this year's tree contract; pruning and summer watering cost about $2,400 a year after planting.",
      },
    ],
  },
];
