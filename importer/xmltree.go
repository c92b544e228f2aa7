package importer

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
)

// xnode is an element of a small XML tree, for the Office readers.
type xnode struct {
	name  string // local name
	space string
	attrs []xml.Attr
	kids  []*xnode
	text  string // character data directly inside
}

func (n *xnode) attr(local string) (string, bool) {
	for _, a := range n.attrs {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

func (n *xnode) child(local string) *xnode {
	for _, k := range n.kids {
		if k.name == local {
			return k
		}
	}
	return nil
}

var errTooDeep = errors.New("xml nested too deep")

// parseXML reads a document into a tree, refusing nesting deeper than
// MaxXMLDepth and more than maxNodes elements.
func parseXML(r io.Reader, maxNodes int) (*xnode, error) {
	d := xml.NewDecoder(r)
	d.Strict = false
	root := &xnode{}
	stack := []*xnode{root}
	count := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("xml: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			count++
			if len(stack) > MaxXMLDepth {
				return nil, errTooDeep
			}
			if count > maxNodes {
				return nil, errors.New("xml has too many elements")
			}
			n := &xnode{name: t.Name.Local, space: t.Name.Space, attrs: t.Attr}
			top := stack[len(stack)-1]
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			top := stack[len(stack)-1]
			if len(top.text) < 1<<20 {
				top.text += string(t)
			}
		}
	}
	return root, nil
}
