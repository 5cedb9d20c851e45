#pragma once

namespace depthstyle {

// The stripe budget unless measured otherwise (stripe_tuning.h), in MiB.
inline constexpr double kDefaultStripeBudgetMiB = 24.0;

// The encoder and decoder run each stretch between poolings (upsamplings) in
// horizontal stripes whose largest intermediate tensor stays near this many
// bytes; stripes carry true neighbour rows as halos, so the result equals an
// untiled run. 0 restores the default. Smaller saves memory on huge
// images; tests use it to force many stripes.
void setStripeBudgetBytes(double bytes);
double stripeBudgetBytes();
// A budget for the calling thread only (0 clears it): measurements try
// sizes without changing other threads' renders.
void setThreadStripeBudgetBytes(double bytes);

}  // namespace depthstyle
