/** Keyset paging shared by every list: one opaque, versioned cursor format. */
@NullMarked
package org.kglab.platform.paging;

import org.jspecify.annotations.NullMarked;
