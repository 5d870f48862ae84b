package content

import (
	"testing"

	"github.com/awarekit/awarekit/kit/vocab"
)

// TestTextsVocab: every poster text of the registry is a field of
// texts.yaml, and Text reads it.
func TestTextsVocab(t *testing.T) {
	var tx Texts
	tx.Title, tx.CallToAction = "T", "C"
	if tx.Text("title") != "T" || tx.Text("call_to_action") != "C" || tx.Text("nope") != "" {
		t.Errorf("Text: %q %q %q", tx.Text("title"), tx.Text("call_to_action"), tx.Text("nope"))
	}
	for _, k := range vocab.Texts {
		tx := Texts{}
		if err := DecodeStrict("texts.yaml", []byte(k+": x\n"), &tx); len(err) > 0 || tx.Text(k) != "x" {
			t.Errorf("vocab.Texts %q: not a field of texts.yaml (%v)", k, err)
		}
	}
}
