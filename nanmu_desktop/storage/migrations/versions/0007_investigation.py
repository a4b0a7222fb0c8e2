"""investigation: the 调查核实 step of a case — investigators, dates, findings, evidence and the
attachments that belong to it

Revision ID: 0007_investigation
Revises: 0006_integrity
Create Date: 2026-11-30 13:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007_investigation'
down_revision = '0006_integrity'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('investigations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('started_on', sa.Date(), nullable=False),
    sa.Column('ended_on', sa.Date(), nullable=False),
    sa.Column('findings', sa.Text(), nullable=False),
    sa.Column('evidence', sa.JSON(), nullable=False),
    sa.Column('recorded_by', sa.String(length=50), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('ended_on >= started_on',
                       name=op.f('ck_investigations_dates_in_order')),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'],
                            name=op.f('fk_investigations_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_investigations')),
    sa.UniqueConstraint('case_id', name=op.f('uq_investigations_case_id'))
    )
    op.create_table('investigation_officers',
    sa.Column('investigation_id', sa.Integer(), nullable=False),
    sa.Column('officer_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['investigation_id'], ['investigations.id'],
                            name=op.f('fk_investigation_officers_investigation_id_investigations'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['officer_id'], ['officers.id'],
                            name=op.f('fk_investigation_officers_officer_id_officers'),
                            ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('investigation_id', 'officer_id',
                            name=op.f('pk_investigation_officers'))
    )
    op.create_index(op.f('ix_investigation_officers_officer_id'), 'investigation_officers',
                    ['officer_id'], unique=False)
    op.create_table('investigation_attachments',
    sa.Column('investigation_id', sa.Integer(), nullable=False),
    sa.Column('attachment_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['attachment_id'], ['attachments.id'],
                            name=op.f('fk_investigation_attachments_attachment_id_attachments'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['investigation_id'], ['investigations.id'],
                            name=op.f(
                                'fk_investigation_attachments_investigation_id_investigations'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('investigation_id', 'attachment_id',
                            name=op.f('pk_investigation_attachments'))
    )
    op.create_index(op.f('ix_investigation_attachments_attachment_id'),
                    'investigation_attachments', ['attachment_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_investigation_attachments_attachment_id'),
                  table_name='investigation_attachments')
    op.drop_table('investigation_attachments')
    op.drop_index(op.f('ix_investigation_officers_officer_id'),
                  table_name='investigation_officers')
    op.drop_table('investigation_officers')
    op.drop_table('investigations')
