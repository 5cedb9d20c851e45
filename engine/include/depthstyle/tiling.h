#pragma once

namespace depthstyle {

// The encoder and decoder run each stretch between poolings (upsamplings) in
// horizontal stripes whose largest intermediate tensor stays near this many
// bytes; stripes carry true neighbour rows as halos, so the result equals an
// untiled run. 0 restores the default (24 MiB). Smaller saves memory on huge
// images; tests use it to force many stripes.
void setStripeBudgetBytes(double bytes);
double stripeBudgetBytes();

}  // namespace depthstyle
