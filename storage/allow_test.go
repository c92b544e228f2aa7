package storage

import (
	"reflect"
	"testing"
)

func TestAllowWordsPersist(t *testing.T) {
	path := tempPath(t)
	w, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, word := range []string{"UedBet", "uedbet", "GovNet"} {
		if err := w.AddAllowWord(word); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.AddAllowWord(" \n"); err == nil {
		t.Fatal("an empty word was accepted")
	}
	w.Close()
	w, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	got, err := w.AllowWords()
	if err != nil || !reflect.DeepEqual(got, []string{"GovNet", "UedBet"}) {
		t.Fatalf("AllowWords = %q, %v (case-insensitive, kept once)", got, err)
	}
	if err := w.RemoveAllowWord("UEDBET"); err != nil {
		t.Fatal(err)
	}
	if got, _ := w.AllowWords(); !reflect.DeepEqual(got, []string{"GovNet"}) {
		t.Fatalf("after remove: %q", got)
	}
}
