package pdfout

import "errors"

// maxPages bounds the walk of the page tree for attachment annotations.
const maxPages = 1000

// specs collects the file specifications of the report file, each once:
// two entries naming the same specification or the same stream are one.
type specs struct {
	v     *view
	found []pdfDict
	seen  map[int]bool // object numbers of specifications and streams
}

// reports returns the file specifications of the report file. The app
// puts it in the /EmbeddedFiles name tree (and the catalog's /AF); when
// one is there, /AF and the pages' file attachment annotations are looked
// through too, so that a second file of the same name is counted.
func (v *view) reports() ([]pdfDict, error) {
	cat := v.dict(v.trailer["Root"])
	if v.r.fatal != nil {
		return nil, v.r.fatal
	}
	if cat == nil {
		return nil, errors.New("PDF 文件缺少目录对象（Root）")
	}
	c := &specs{v: v, seen: map[int]bool{}}
	if err := c.nameTree(v.dict(cat["Names"])["EmbeddedFiles"]); err != nil {
		return nil, err
	}
	if len(c.found) > 0 {
		for _, fs := range v.arr(cat["AF"]) {
			c.add(fs, "")
		}
		if err := c.pages(cat["Pages"]); err != nil {
			return nil, err
		}
	}
	return c.found, v.r.fatal
}

// add keeps spec when it names the report file; key is its name-tree key.
func (c *specs) add(spec any, key string) {
	v := c.v
	fs := v.dict(spec)
	if fs == nil || (key != AttachmentName && v.text(fs["UF"]) != AttachmentName && v.text(fs["F"]) != AttachmentName) {
		return
	}
	ids := []any{spec, v.dict(fs["EF"])["F"]}
	for _, id := range ids {
		if ref, ok := id.(pdfRef); ok && c.seen[ref.num] {
			return
		}
	}
	for _, id := range ids {
		if ref, ok := id.(pdfRef); ok {
			c.seen[ref.num] = true
		}
	}
	c.found = append(c.found, fs)
}

// walkTree visits every dictionary of a /Kids tree (a name tree, the
// page tree) once, depth-first in order, iteratively, until visit returns
// false; a loop or a shared node is visited once.
func (v *view) walkTree(root any, visit func(d pdfDict) (more bool, err error)) error {
	seen := map[int]bool{}
	stack := []any{root}
	for len(stack) > 0 {
		if err := v.r.tick(); err != nil {
			return err
		}
		node := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if ref, ok := node.(pdfRef); ok {
			if seen[ref.num] {
				continue
			}
			seen[ref.num] = true
		}
		d := v.dict(node)
		if d == nil {
			continue
		}
		more, err := visit(d)
		if err != nil {
			return err
		}
		if !more {
			break
		}
		kids := v.arr(d["Kids"])
		for i := len(kids) - 1; i >= 0; i-- { // in order when popped
			stack = append(stack, kids[i])
		}
	}
	return v.r.fatal
}

// nameTree collects the report's specifications from a name tree.
func (c *specs) nameTree(root any) error {
	v := c.v
	return v.walkTree(root, func(d pdfDict) (bool, error) {
		names := v.arr(d["Names"])
		for i := 0; i+1 < len(names); i += 2 {
			if err := v.r.tick(); err != nil {
				return false, err
			}
			c.add(names[i+1], v.text(names[i]))
		}
		return true, nil
	})
}

// pages looks through the file attachment annotations of the first
// maxPages pages.
func (c *specs) pages(root any) error {
	v := c.v
	n := 0
	return v.walkTree(root, func(d pdfDict) (bool, error) {
		if _, ok := d["Kids"]; ok {
			return true, nil // an inner node of the page tree
		}
		n++
		for _, a := range v.arr(d["Annots"]) {
			if err := v.r.tick(); err != nil {
				return false, err
			}
			if ad := v.dict(a); ad["Subtype"] == pdfName("FileAttachment") {
				c.add(ad["FS"], "")
			}
		}
		return n < maxPages, nil
	})
}
