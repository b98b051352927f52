import { describe, expect, it } from 'vitest';
import { makeProduct } from '../../test/factories';
import { searchProducts } from './search';

const menu = ['Σουβλάκι χοιρινό', 'Ελληνικός καφές', 'Φάβα Σαντορίνης', 'Χωριάτικη', 'Μπίρα Άλφα 500ml', 'Γιαούρτι με μέλι', 'Ούζο Πλωμαρίου 200ml'].map(
  (name) => makeProduct({ name }),
);
const names = (query: string) => searchProducts(menu, query).map((product) => product.name);

describe('searching the menu', () => {
  it('finds "Σουβλάκι" when the waiter types "σουβλακι" without accents', () => {
    expect(names('σουβλακι')).toEqual(['Σουβλάκι χοιρινό']);
  });

  it('ignores capitals and accents either way', () => {
    expect(names('ΣΟΥΒΛΆΚΙ')).toEqual(['Σουβλάκι χοιρινό']);
    expect(names('χωριατικη')).toEqual(['Χωριάτικη']);
    expect(names('γιαουρτι')).toEqual(['Γιαούρτι με μέλι']);
  });

  it('treats a final sigma like any sigma', () => {
    expect(names('ελληνικοσ')).toEqual(['Ελληνικός καφές']);
    expect(names('καφες')).toEqual(['Ελληνικός καφές']);
  });

  it('matches every word, in any order', () => {
    expect(names('καφ ελλ')).toEqual(['Ελληνικός καφές']);
    expect(names('σαντορινης φαβα')).toEqual(['Φάβα Σαντορίνης']);
  });

  it('understands greeklish from a phone without a Greek keyboard', () => {
    expect(names('souvlaki')).toEqual(['Σουβλάκι χοιρινό']);
    expect(names('fava')).toEqual(['Φάβα Σαντορίνης']);
    expect(names('ouzo')).toEqual(['Ούζο Πλωμαρίου 200ml']);
  });

  it('shows everything for an empty query and nothing for a miss', () => {
    expect(names('  ')).toHaveLength(menu.length);
    expect(names('πίτσα')).toEqual([]);
  });
});
