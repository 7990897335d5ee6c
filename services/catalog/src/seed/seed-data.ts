/** Sample catalog: 4 departments, 12 subcategories, 72 products (prices as exact decimal strings). */
export interface SeedCategory {
  name: string;
  description: string;
  children: SeedSubcategory[];
}

export interface SeedSubcategory {
  name: string;
  description: string;
  /** [name, price, stock] */
  products: [string, string, number][];
}

export const seedCategories: SeedCategory[] = [
  {
    name: 'Electronics',
    description: 'Phones, computers and audio gear',
    children: [
      {
        name: 'Smartphones',
        description: 'Unlocked phones and accessories',
        products: [
          ['Aurora X5 Smartphone 128 GB', '499.00', 35],
          ['Aurora X5 Pro Smartphone 256 GB', '749.99', 20],
          ['Nimbus Lite Smartphone 64 GB', '229.50', 60],
          ['Fast Charger 30 W USB-C', '24.99', 150],
          ['Clear Shockproof Phone Case', '14.99', 300],
          ['Tempered Glass Screen Protector (2-pack)', '9.99', 400],
        ],
      },
      {
        name: 'Laptops',
        description: 'Notebooks for work and play',
        products: [
          ['Vertex 14 Ultrabook', '1099.00', 12],
          ['Vertex 16 Creator Laptop', '1899.99', 6],
          ['Pebble 13 Chromebook', '329.00', 40],
          ['Aluminium Laptop Stand', '39.95', 90],
          ['USB-C Docking Station 11-in-1', '129.90', 25],
          ['Neoprene Laptop Sleeve 14"', '19.99', 120],
        ],
      },
      {
        name: 'Audio',
        description: 'Headphones and speakers',
        products: [
          ['Quietwave Noise-Cancelling Headphones', '279.00', 30],
          ['Pulse True Wireless Earbuds', '89.99', 75],
          ['Boom Mini Bluetooth Speaker', '49.99', 80],
          ['Studio Monitor Headphones', '149.00', 18],
          ['Soundbar 2.1 with Subwoofer', '219.99', 10],
          ['Braided 3.5 mm Audio Cable 2 m', '7.49', 500],
        ],
      },
    ],
  },
  {
    name: 'Home & Kitchen',
    description: 'Everything for the home',
    children: [
      {
        name: 'Cookware',
        description: 'Pots, pans and knives',
        products: [
          ['Cast Iron Skillet 26 cm', '44.90', 45],
          ['Stainless Steel Saucepan Set (3 pcs)', '89.00', 22],
          ['Non-Stick Frying Pan 28 cm', '32.50', 70],
          ["Chef's Knife 20 cm", '59.99', 40],
          ['Bamboo Cutting Board', '18.75', 110],
          ['Dutch Oven 5.5 L Enamelled', '119.00', 15],
        ],
      },
      {
        name: 'Coffee & Tea',
        description: 'Brewing gear and accessories',
        products: [
          ['Pour-Over Coffee Dripper', '22.00', 85],
          ['Burr Coffee Grinder', '99.99', 28],
          ['French Press 1 L', '29.95', 64],
          ['Gooseneck Kettle 0.9 L', '54.00', 33],
          ['Loose Leaf Tea Infuser', '8.99', 240],
          ['Espresso Machine 15 bar', '349.00', 8],
        ],
      },
      {
        name: 'Furniture',
        description: 'Desks, chairs and storage',
        products: [
          ['Height-Adjustable Standing Desk', '429.00', 9],
          ['Ergonomic Office Chair', '259.99', 14],
          ['Oak Bookshelf 5 Tiers', '149.50', 11],
          ['Fabric Storage Boxes (set of 4)', '27.99', 95],
          ['Bedside Table with Drawer', '79.00', 26],
          ['Floor Lamp with Linen Shade', '64.95', 19],
        ],
      },
    ],
  },
  {
    name: 'Sports & Outdoors',
    description: 'Gear for the gym and the trail',
    children: [
      {
        name: 'Camping',
        description: 'Tents, sleeping bags and stoves',
        products: [
          ['Two-Person Dome Tent', '139.00', 16],
          ['Down Sleeping Bag -5 °C', '189.99', 12],
          ['Self-Inflating Sleeping Mat', '49.50', 38],
          ['Compact Gas Stove', '34.99', 55],
          ['LED Headlamp 400 lm', '24.00', 140],
          ['Insulated Water Bottle 750 ml', '21.95', 210],
        ],
      },
      {
        name: 'Fitness',
        description: 'Training equipment',
        products: [
          ['Adjustable Dumbbells 2 × 20 kg', '229.00', 7],
          ['Yoga Mat 6 mm', '26.99', 130],
          ['Resistance Band Set', '19.49', 175],
          ['Kettlebell 16 kg', '54.90', 24],
          ['Foam Roller', '17.99', 88],
          ['Jump Rope with Counter', '12.99', 160],
        ],
      },
      {
        name: 'Cycling',
        description: 'Bikes, helmets and accessories',
        products: [
          ['Road Bike Helmet', '79.99', 30],
          ['Bike Light Set USB Rechargeable', '29.99', 100],
          ['Mini Floor Pump', '27.50', 65],
          ['Cycling Gloves', '22.95', 90],
          ['Bike Lock U-Shackle', '44.00', 42],
          ['Hydration Backpack 10 L', '69.00', 21],
        ],
      },
    ],
  },
  {
    name: 'Books',
    description: 'Printed books',
    children: [
      {
        name: 'Technology',
        description: 'Programming and operations',
        products: [
          ['Site Reliability Engineering in Practice', '49.99', 50],
          ['Kubernetes Up and Running', '44.95', 45],
          ['Designing Data-Intensive Systems', '54.00', 38],
          ['Observability from First Principles', '39.99', 27],
          ['TypeScript Deep Dive', '34.50', 60],
          ['Incident Response Handbook', '29.99', 33],
        ],
      },
      {
        name: 'Fiction',
        description: 'Novels and short stories',
        products: [
          ['The Quiet Harbour', '16.99', 80],
          ['Northern Lights Over Oslo', '14.50', 70],
          ['A Map of Forgotten Rivers', '18.00', 55],
          ['The Clockmaker’s Daughter', '12.99', 95],
          ['Salt and Cedar', '15.75', 40],
          ['Paper Moons (Short Stories)', '11.49', 65],
        ],
      },
      {
        name: 'Cooking',
        description: 'Cookbooks',
        products: [
          ['Weeknight Vegetables', '24.99', 44],
          ['The Bread Book', '29.00', 36],
          ['Korean Home Cooking', '32.95', 29],
          ['One-Pan Dinners', '19.99', 58],
          ['The Spice Atlas', '27.50', 23],
          ['Baking for Beginners', '17.95', 72],
        ],
      },
    ],
  },
];
