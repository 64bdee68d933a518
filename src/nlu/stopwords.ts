// Function words of English and French: ignored when matching meaning, used to tell the languages apart.

export const STOPWORDS_EN = new Set(
  "a about after all also am an and any are as at be been but by can could did do does doing for from get got had has have how i i'm if in into is it it's its just me my no not of on or our please should so some than that the their them then there these they this those to up us want was we were what when where which who why will with would you your".split(
    ' ',
  ),
);

export const STOPWORDS_FR = new Set(
  "a à au aux avec ce ces c' cet cette comme comment d' dans de des du elle en est et être il ils j' je l' la le les leur lui m' ma mais me mes moi mon n' ne nous on ou où par pas pour qu' quand que quel quelle quels quelles qui s' sa se ses si son sont sur ta te tes toi ton tu un une vos votre vous y ça est-ce puis peux peut veux voudrais".split(
    ' ',
  ),
);

export function isStopword(word: string): boolean {
  return STOPWORDS_EN.has(word) || STOPWORDS_FR.has(word);
}
