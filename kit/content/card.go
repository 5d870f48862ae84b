package content

import (
	"fmt"
	"slices"
)

// CardContacts returns the contacts printed on the back of the wallet card:
// those listed, in order, by edition.yaml's card: (the edition's youth
// helplines), or the contacts marked on_posters when the edition lists none.
func (e *Edition) CardContacts() []Contact {
	var cs []Contact
	if len(e.Card) == 0 {
		for _, c := range e.Contacts {
			if c.OnPosters {
				cs = append(cs, c)
			}
		}
		return cs
	}
	for _, id := range e.Card {
		if i := slices.IndexFunc(e.Contacts, func(c Contact) bool { return c.ID == id }); i >= 0 {
			cs = append(cs, e.Contacts[i])
		}
	}
	return cs
}

// MaxCard is the most contacts the back of a wallet card holds.
const MaxCard = 3

// validateCard checks edition.yaml's card: every id names a contact of
// contacts.yaml, once, and the card holds at most MaxCard of them.
func (l *loader) validateCard(e *Edition, contactIDs map[string]string) {
	if l.bad[fileEdition] || l.bad[fileContacts] || len(e.Card) == 0 {
		return
	}
	c := checker{l: l, file: fileEdition}
	if len(e.Card) > MaxCard {
		c.add("card", "%d contacts: the back of the card holds at most %d", len(e.Card), MaxCard)
	}
	seen := map[string]bool{}
	for i, id := range e.Card {
		f := fmt.Sprintf("card[%d]", i)
		switch {
		case seen[id]:
			c.add(f, "%q is listed twice", id)
		case contactIDs[id] == "":
			c.add(f, "%q is not the id of a contact in contacts.yaml", id)
		}
		seen[id] = true
	}
}
