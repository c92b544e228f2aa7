package app

import (
	"reflect"
	"testing"
)

func TestStaleTotals(t *testing.T) {
	r, err := NewReport("张坞镇人民政府", LevelTownship, 2021)
	if err != nil {
		t.Fatal(err)
	}
	r.Cells["t3.new.natural"] = "2"
	r.Cells["t3.new.legal"] = "1"
	r.Cells["t3.new.total"] = "2"       // published 2, computed 3
	r.Cells["t4.review.upheld"] = "351" // total left empty: computed 351
	r.Cells["t3.carried.total"] = ""    // empty where the sum is 0: not listed
	got := StaleTotals(r)
	want := []TotalMismatch{
		{Cell: "t3.new.total", Published: "2", Computed: "3"},
		{Cell: "t4.review.total", Published: "", Computed: "351"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("StaleTotals = %+v, want %+v", got, want)
	}
	Recompute(r)
	if got := StaleTotals(r); got != nil {
		t.Fatalf("after Recompute: %+v", got)
	}
}
