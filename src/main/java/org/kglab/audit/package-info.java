/** The audit trail: who did what to which account or record, from where, and when. */
@NullMarked
package org.kglab.audit;

import org.jspecify.annotations.NullMarked;
